namespace DataPrepWorkflows.Dqdl.Tests;

internal static class TestFiles
{
    public static string PathOf(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static IEnumerable<string> RoundTripRules() => Lines("round-trip-rules.txt");

    public static IEnumerable<string> RoundTripAnalyzers() => Lines("round-trip-analyzers.txt");

    private static IEnumerable<string> Lines(string file) =>
        File.ReadLines(PathOf(file)).Where(line => line.Length > 0 && !line.StartsWith('#'));
}
