namespace DataPrepWorkflows.Dqdl.Tests;

internal static class TestFiles
{
    public static string PathOf(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static IEnumerable<string> RoundTripRules() =>
        File.ReadLines(PathOf("round-trip-rules.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
}
