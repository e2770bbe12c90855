using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Reads a flowchart's <c>connections</c> in the four shapes Elsa 3 accepts: nested <c>{source: {activity, port}}</c>,
/// flat legacy <c>{source, sourcePort, target}</c>, a <c>{"$values": […]}</c> wrapper, or one object instead of an array.
/// </summary>
internal static class ElsaConnections
{
    /// <summary>One connection: source activity id and port, target activity id, and its JSON pointer.</summary>
    public sealed record Connection(string Source, string Port, string Target, string Path);

    public static List<Connection> Read(JsonNode? node, string path)
    {
        var items = node switch
        {
            JsonArray a => a.Select((c, i) => (c, $"{path}/{i}")).ToList(),
            JsonObject o when o["$values"] is JsonArray values => values.Select((c, i) => (c, $"{path}/$values/{i}")).ToList(),
            JsonObject o => [(o, path)],
            _ => [],
        };

        var connections = new List<Connection>();
        foreach (var (item, at) in items)
        {
            if (item is not JsonObject c)
            {
                continue;
            }

            var source = Get(c, "source");
            var target = Get(c, "target");
            if (source is JsonObject s && target is JsonObject t)
            {
                Add(connections, Text(Get(s, "activity")), Text(Get(s, "port")), Text(Get(t, "activity")), at);
            }
            else
            {
                Add(connections, Text(source), Text(Get(c, "sourcePort")), Text(target), at);
            }
        }

        return connections;
    }

    private static void Add(List<Connection> connections, string? source, string? port, string? target, string path)
    {
        if (source is not null && target is not null)
        {
            connections.Add(new Connection(source, string.IsNullOrEmpty(port) ? "Done" : port, target, path));
        }
    }

    /// <summary>A property by name, ignoring case (Elsa's reader does).</summary>
    public static JsonNode? Get(JsonObject o, string name) =>
        o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonNode? node) => ElsaDeclarations.String(node);
}
