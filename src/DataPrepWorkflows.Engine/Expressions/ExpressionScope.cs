using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>
/// The names an expression can read: <c>inputs</c>, <c>variables</c>, <c>trigger</c>, <c>activities</c>
/// (<c>activities.&lt;id&gt;.output</c>, <c>.status</c>, <c>.outcome</c>), <c>env</c>, <c>workflow</c> (id, version,
/// instanceId), plus locals such as <c>item</c>, <c>index</c> inside a ForEach body and <c>error</c> after a catch.
/// Values are JSON; expressions cannot reach the CLR.
/// </summary>
public sealed class ExpressionScope
{
    /// <summary>Top-level names and their values.</summary>
    public Dictionary<string, JsonNode?> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads a top-level name, or <c>null</c>.</summary>
    public JsonNode? this[string name]
    {
        get => Names.GetValueOrDefault(name);
        set => Names[name] = value;
    }
}
