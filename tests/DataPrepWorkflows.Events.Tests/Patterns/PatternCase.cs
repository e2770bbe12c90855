using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Events.Tests.Patterns;

/// <summary>
/// One conformance vector from <c>Patterns/Cases/*.json</c>: a pattern (as JSON, or as exact text when spacing
/// matters for error locations) and either an event with the expected match result, or the expected AWS error.
/// </summary>
public sealed record PatternCase(string File, string Name, string PatternText, string? EventJson, bool? Matches, string? Message, string? Reason)
{
    private static readonly string CasesFolder = Path.Combine(AppContext.BaseDirectory, "Patterns", "Cases");

    /// <summary>Envelope fields added to an event that lacks them, so TestEventPattern accepts it.</summary>
    private static readonly (string Name, JsonNode Value)[] Envelope =
    [
        ("version", JsonValue.Create("0")),
        ("id", JsonValue.Create("6a7e8feb-b491-4cf7-a9f1-bf3703467718")),
        ("detail-type", JsonValue.Create("Test Event")),
        ("source", JsonValue.Create("test.source")),
        ("account", JsonValue.Create("111122223333")),
        ("time", JsonValue.Create("2021-11-12T00:00:00Z")),
        ("region", JsonValue.Create("us-east-1")),
        ("resources", new JsonArray()),
    ];

    public static IEnumerable<PatternCase> All() =>
        Directory.GetFiles(CasesFolder, "*.json").Order(StringComparer.Ordinal).SelectMany(Load);

    public static TheoryData<string> Matching() => Names(c => c.Matches is not null);

    public static TheoryData<string> Invalid() => Names(c => c.Matches is null);

    public static PatternCase Find(string id) => All().Single(c => c.Id == id);

    public string Id => Path.GetFileNameWithoutExtension(File) + ": " + Name;

    public override string ToString() => Id;

    private static TheoryData<string> Names(Func<PatternCase, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var c in All().Where(filter))
        {
            data.Add(c.Id);
        }

        return data;
    }

    private static IEnumerable<PatternCase> Load(string file)
    {
        var root = JsonNode.Parse(System.IO.File.ReadAllText(file))!.AsArray();
        foreach (var node in root)
        {
            var item = node!.AsObject();
            var name = item["name"]!.GetValue<string>();
            var patternText = item["patternText"]?.GetValue<string>() ?? item["pattern"]!.ToJsonString();
            string? eventJson = null;
            if (item["event"] is JsonObject evt)
            {
                var copy = JsonNode.Parse(evt.ToJsonString())!.AsObject();
                foreach (var (field, value) in Envelope)
                {
                    if (!copy.ContainsKey(field))
                    {
                        copy[field] = value.DeepClone();
                    }
                }

                eventJson = copy.ToJsonString();
            }

            yield return new PatternCase(
                Path.GetFileName(file),
                name,
                patternText,
                eventJson,
                item["matches"]?.GetValue<bool>(),
                item["message"]?.GetValue<string>(),
                item["reason"]?.GetValue<string>());
        }
    }

    /// <summary>The expected result rendered for failure messages.</summary>
    public string Describe() => JsonSerializer.Serialize(new { Name, PatternText, EventJson, Matches, Message, Reason });
}
