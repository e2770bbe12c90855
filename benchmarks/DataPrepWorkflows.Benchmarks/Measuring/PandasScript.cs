using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace DataPrepWorkflows.Benchmarks.Measuring;

/// <summary>
/// Runs a comparison script with Debian's Python (the one <c>python3-pandas</c> installs for) and returns the
/// space-separated figures it prints on its last line.
/// </summary>
internal static class PandasScript
{
    public const string Python = "/usr/bin/python3";

    public static async Task<string[]> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pandas run failed (is python3-pandas installed? apt-get install -y python3-pandas): {await stderr}");
        }

        return (await stdout).Trim().Split(' ');
    }

    /// <summary>The folder of the calling source file, where a suite keeps its script and inputs.</summary>
    public static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
