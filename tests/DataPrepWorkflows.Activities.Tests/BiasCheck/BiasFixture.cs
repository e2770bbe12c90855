using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.BiasCheck;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.BiasCheck;

/// <summary>Writes small CSV datasets to a temporary folder and analyses them on a real DuckDB session.</summary>
internal sealed class BiasFixture : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bias-tests-");

    public string Folder => _folder.FullName;

    public string WriteCsv(string text, string name = "data.csv")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public static async Task<BiasAnalysisResult> AnalyseAsync(string path, string configJson, string? output = null)
    {
        using var session = DuckDbSession.Open();
        return await BiasAnalysis.RunAsync(session, BiasConfigReader.Parse(configJson), path, output);
    }

    public static double Metric(BiasFacetReport report, string name) =>
        report.Metrics.Single(m => m.Name == name).Value ?? throw new InvalidOperationException($"{name}: {report.Metrics.Single(m => m.Name == name).Error}");

    public static string? Error(BiasFacetReport report, string name) => report.Metrics.Single(m => m.Name == name).Error;

    public static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1e-300, Math.Abs(expected)) || expected == actual, $"expected {expected:R}, got {actual:R}");

    public static JsonObject Config(string label, JsonArray labelValues, JsonArray facets, string? group = null)
    {
        var config = new JsonObject { ["dataset_type"] = "text/csv", ["label"] = label, ["label_values_or_threshold"] = labelValues, ["facet"] = facets };
        if (group is not null)
        {
            config["group_variable"] = group;
        }

        return config;
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temporary folders.
        }
    }
}
