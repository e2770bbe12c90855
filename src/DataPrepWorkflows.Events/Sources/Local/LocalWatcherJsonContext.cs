using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Events.Sources.Local;

[JsonSerializable(typeof(Dictionary<string, ObjectState>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class LocalWatcherJsonContext : JsonSerializerContext;
