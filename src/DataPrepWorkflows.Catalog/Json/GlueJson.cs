using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DataPrepWorkflows.Catalog.Json;

namespace DataPrepWorkflows.Catalog;

/// <summary>
/// JSON for catalog objects exactly as Glue's API writes them: PascalCase member names, absent members omitted,
/// timestamps as epoch seconds. A serialised <see cref="Table"/> can be compared with <c>aws glue get-table</c>.
/// </summary>
public static class GlueJson
{
    private static readonly GlueJsonContext Compact = GlueJsonContext.Default;
    private static readonly GlueJsonContext Indented = new(new JsonSerializerOptions(GlueJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>
    /// Serialises a catalog model object: <see cref="Database"/>, <see cref="Table"/>, <see cref="TableVersion"/>,
    /// <see cref="Partition"/>, <see cref="PartitionError"/>, or an input (<see cref="DatabaseInput"/>,
    /// <see cref="TableInput"/>, <see cref="PartitionInput"/>) ready to send to Glue.
    /// </summary>
    /// <typeparam name="T">One of the catalog model types.</typeparam>
    /// <param name="value">The object.</param>
    /// <param name="indented">Pretty-print for people (the CLI's <c>catalog show</c>).</param>
    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, TypeInfo<T>(indented ? Indented : Compact));

    /// <summary>Reads a catalog model object from Glue-shaped JSON.</summary>
    /// <typeparam name="T">One of the catalog model types.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <exception cref="JsonException">The JSON does not have the expected shape.</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>(Compact))
        ?? throw new JsonException($"Expected a {typeof(T).Name} object, found null.");

    private static JsonTypeInfo<T> TypeInfo<T>(GlueJsonContext context) =>
        context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new ArgumentException($"{typeof(T).Name} is not a catalog model type.", nameof(T));
}
