using System.Text.Json.Serialization;
using DataPrepWorkflows.Events.S3;

namespace DataPrepWorkflows.Events.Envelope;

/// <summary>Source-generated JSON contracts for events (hot path: every delivered event goes through them).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventBridgeEvent))]
[JsonSerializable(typeof(S3ObjectEventDetail))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;
