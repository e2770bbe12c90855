using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Designer positions of activities, as kept in the sidecar <c>&lt;workflow&gt;.layout.json</c>
/// (<c>{"activities": {"gate": {"x": 240, "y": 120}}}</c>), so that layout stays out of the workflow file.
/// </summary>
/// <param name="Positions">Position by activity id.</param>
public sealed record WorkflowLayout(IReadOnlyDictionary<string, LayoutPosition> Positions)
{
    /// <summary>The sidecar file name of a workflow file: <c>loan-prep.json</c> → <c>loan-prep.layout.json</c>.</summary>
    public static string SidecarPath(string workflowPath)
    {
        ArgumentNullException.ThrowIfNull(workflowPath);
        var folder = Path.GetDirectoryName(workflowPath) ?? "";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(workflowPath) + ".layout.json");
    }

    /// <summary>Reads sidecar text; activities whose position is not two numbers are skipped.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static WorkflowLayout Parse(string text)
    {
        var positions = new Dictionary<string, LayoutPosition>(StringComparer.Ordinal);
        if (JsonNode.Parse(text) is JsonObject { } root && root["activities"] is JsonObject activities)
        {
            foreach (var (id, node) in activities)
            {
                if (node is JsonObject p && Number(p["x"]) is { } x && Number(p["y"]) is { } y)
                {
                    positions[id] = new LayoutPosition(x, y);
                }
            }
        }

        return new WorkflowLayout(positions);
    }

    /// <summary>The sidecar text: activities in the given order, 2-space indented, final newline.</summary>
    public string ToJson()
    {
        var activities = new JsonObject();
        foreach (var (id, position) in Positions)
        {
            activities[id] = new JsonObject { ["x"] = Plain(position.X), ["y"] = Plain(position.Y) };
        }

        return Writing.CanonicalJson.Print(new JsonObject { ["activities"] = activities });
    }

    private static JsonNode Plain(double value) =>
        value == Math.Truncate(value) && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonNode.Parse(value.ToString("R", CultureInfo.InvariantCulture))!;

    internal static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;
}

/// <summary>A designer position.</summary>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate.</param>
public sealed record LayoutPosition(double X, double Y);
