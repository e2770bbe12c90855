namespace DataPrepWorkflows.Catalog;

/// <summary>The serializer/deserializer of a table's files, like Glue's <c>SerDeInfo</c>.</summary>
public sealed record SerDeInfo
{
    /// <summary>Optional SerDe name.</summary>
    public string? Name { get; init; }

    /// <summary>The SerDe class, for example <c>org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe</c>.</summary>
    public string? SerializationLibrary { get; init; }

    /// <summary>SerDe properties, for example <c>field.delim</c>.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}
