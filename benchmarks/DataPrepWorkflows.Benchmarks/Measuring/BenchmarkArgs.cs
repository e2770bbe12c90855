using System.Globalization;

namespace DataPrepWorkflows.Benchmarks.Measuring;

/// <summary>The options every suite takes: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c> (where generated inputs are cached).</summary>
internal static class BenchmarkArgs
{
    /// <summary>The value after <paramref name="name"/>, or <c>null</c> when the option is not given.</summary>
    public static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The <c>--dir</c> folder, or a temporary folder named for the suite; created when missing.</summary>
    public static string Folder(string[] args, string suite)
    {
        var folder = Text(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "dataprep-bench-" + suite);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
