using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>A read-only dictionary view over a <see cref="JsonObject"/> without copying it.</summary>
internal sealed class JsonObjectView(JsonObject inner) : IReadOnlyDictionary<string, JsonNode?>
{
    public static readonly JsonObjectView Empty = new([]);

    public JsonNode? this[string key] => inner[key];

    public IEnumerable<string> Keys => ((IDictionary<string, JsonNode?>)inner).Keys;

    public IEnumerable<JsonNode?> Values => ((IDictionary<string, JsonNode?>)inner).Values;

    public int Count => inner.Count;

    public bool ContainsKey(string key) => inner.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonNode? value) => inner.TryGetPropertyValue(key, out value);

    public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator() => inner.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
