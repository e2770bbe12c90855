using System.Diagnostics;

namespace DataPrepWorkflows.Cli.Tests.Process;

/// <summary>Runs the built <c>dataprep</c> tool as a separate process, as a user would.</summary>
internal static class DataprepProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] args) =>
        RunWithEnvironmentAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the tool with <paramref name="environment"/> added to this process's environment variables.</summary>
    public static async Task<ProcessResult> RunWithEnvironmentAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The tool built next to this test assembly's configuration (Debug or Release).</summary>
    private static string ToolPath()
    {
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(testBin);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
        var path = Path.Combine(RepositoryRoot, "src", "DataPrepWorkflows.Cli", "bin", configuration, framework, "dataprep.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the CLI project first.", path);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataPrepWorkflows.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

internal sealed record ProcessResult(int ExitCode, string Output, string Error);
