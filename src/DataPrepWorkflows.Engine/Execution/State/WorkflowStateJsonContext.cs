using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>Source-generated serialisation of instance state and journal entries: no reflection at suspension points.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(WorkflowInstanceState))]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(List<JournalEntry>))]
internal sealed partial class WorkflowStateJsonContext : JsonSerializerContext;
