using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>How to start an instance.</summary>
public sealed record WorkflowStartRequest
{
    /// <summary>Input values by name; missing ones take the workflow's defaults, strings are coerced to declared types.</summary>
    public JsonObject? Inputs { get; init; }

    /// <summary>The stimulus that started the instance, visible as <c>trigger</c>.</summary>
    public JsonNode? Trigger { get; init; }

    /// <summary>Correlation id to record.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The instance id to use. <value>A new GUID.</value></summary>
    public string? InstanceId { get; init; }
}
