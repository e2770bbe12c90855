using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Elsa;
using DataPrepWorkflows.Dsl.Reading;

namespace DataPrepWorkflows.Dsl.Tests.Elsa;

/// <summary>Import never throws for file content: every value of real files replaced by each wrong JSON shape.</summary>
public sealed class ElsaImporterRobustnessTests
{
    private static readonly string[] Replacements = ["42", "\"text\"", "[{}]", "{\"type\": 1}"];

    // Enough paths to reach every kind of node while keeping the test to a few seconds.
    private const int MaxPaths = 60;

    [Theory]
    [InlineData("tests/DataPrepWorkflows.Dsl.Tests/Elsa/Examples/calculator.json")]
    [InlineData("tests/DataPrepWorkflows.Dsl.Tests/Elsa/Examples/http-hello-world.json")]
    [InlineData("export:tests/DataPrepWorkflows.Dsl.Tests/Elsa/Workflows/every-control-activity.json")]
    public void Any_value_of_the_wrong_shape_gives_diagnostics_not_exceptions(string file)
    {
        var text = file.StartsWith("export:", StringComparison.Ordinal)
            ? ElsaWorkflowExporter.Export(WorkflowFile.Read(ElsaSamples.Read(file["export:".Length..]), ElsaSamples.Registry).Definition!, registry: ElsaSamples.Registry).ToJsonString()
            : ElsaSamples.Read(file);
        var original = JsonNode.Parse(text)!;
        var all = Paths(original, "").ToList();
        var step = Math.Max(1, all.Count / MaxPaths);
        var paths = all.Where((_, i) => i % step == 0).ToList();
        Assert.True(paths.Count > 40);

        foreach (var path in paths)
        {
            foreach (var replacement in Replacements)
            {
                var mutated = original.DeepClone();
                Replace(mutated, path, JsonNode.Parse(replacement));
                var result = ElsaWorkflowImporter.Import(mutated.ToJsonString(), "mutated.json", ElsaSamples.Registry);
                Assert.True(result.Definition is not null || result.HasErrors, $"{path} = {replacement}: no definition and no error");
            }
        }
    }

    private static IEnumerable<string> Paths(JsonNode? node, string path)
    {
        if (path.Length > 0)
        {
            yield return path;
        }

        var children = node switch
        {
            JsonObject o => o.Select(p => (p.Key, p.Value)),
            JsonArray a => a.Select((v, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), v)),
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            foreach (var nested in Paths(child, path + "/" + key))
            {
                yield return nested;
            }
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var segments = path.Split('/')[1..];
        var parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = parent is JsonArray a ? a[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
        }

        if (parent is JsonArray array)
        {
            array[int.Parse(segments[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[segments[^1]] = value;
        }
    }
}
