using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Catalog.Json;

/// <summary>Source-generated serialisation of the catalog model with Glue's member names (PascalCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(Database))]
[JsonSerializable(typeof(DatabaseInput))]
[JsonSerializable(typeof(TableInput))]
[JsonSerializable(typeof(PartitionInput))]
[JsonSerializable(typeof(PartitionError))]
[JsonSerializable(typeof(Table))]
[JsonSerializable(typeof(TableVersion))]
[JsonSerializable(typeof(Partition))]
[JsonSerializable(typeof(IReadOnlyList<Table>))]
[JsonSerializable(typeof(IReadOnlyList<Partition>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class GlueJsonContext : JsonSerializerContext;
