using System.Globalization;

namespace DataPrepWorkflows.Benchmarks.Measuring;

/// <summary>How suites summarise repeated runs: the median, and the runs themselves for the record.</summary>
internal static class Samples
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Join(IEnumerable<double> values, string format = "F2") =>
        string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
}
