using System.Globalization;

namespace DataPrepWorkflows.Benchmarks.Measuring;

/// <summary>The options every suite takes: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c> (where generated inputs are cached).</summary>
internal static class BenchmarkArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The <c>--dir</c> folder, or a temporary folder named for the suite; created when missing.</summary>
    public static string Folder(string[] args, string suite)
    {
        var index = Array.IndexOf(args, "--dir");
        var folder = index >= 0 && index + 1 < args.Length ? args[index + 1] : Path.Combine(Path.GetTempPath(), "dataprep-bench-" + suite);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
