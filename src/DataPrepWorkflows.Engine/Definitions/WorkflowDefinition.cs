using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Definitions;

/// <summary>
/// A workflow as written in its JSON file: identity, typed inputs, variables, triggers and a flowchart of activities.
/// Immutable; the DSL reads and writes it, the engine compiles it into an execution plan once.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Stable, readable id (kebab-case), unique in the repository.</summary>
    public required string Id { get; init; }

    /// <summary>Integer version, raised on each published change.</summary>
    public required int Version { get; init; }

    /// <summary>Human name.</summary>
    public required string Name { get; init; }

    /// <summary>What the workflow does.</summary>
    public string Description { get; init; } = "";

    /// <summary>Typed inputs with defaults, in file order.</summary>
    public IReadOnlyList<WorkflowInput> Inputs { get; init; } = [];

    /// <summary>Workflow outputs: name → value (literal or expression) evaluated when the workflow finishes.</summary>
    public IReadOnlyList<WorkflowOutput> Outputs { get; init; } = [];

    /// <summary>Variables with initial values, in file order.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>
    /// How many runs of the workflow may be active at once and what happens to a start beyond that; <c>null</c> means
    /// no limit.
    /// </summary>
    public WorkflowConcurrency? Concurrency { get; init; }

    /// <summary>What starts the workflow (S3 events, schedules, HTTP calls).</summary>
    public IReadOnlyList<TriggerDefinition> Triggers { get; init; } = [];

    /// <summary>The flowchart: activities in file order; every activity without incoming edges starts, in parallel.</summary>
    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    /// <summary>Properties of the file this version does not know; kept so that read → write loses nothing.</summary>
    public JsonObject? Unknown { get; init; }
}

/// <summary>A typed workflow input.</summary>
/// <param name="Name">Name used as <c>inputs.&lt;name&gt;</c>.</param>
/// <param name="Type">JSON type (see <see cref="Descriptors.InputTypes"/>).</param>
/// <param name="Default">Value when the caller gives none; <c>null</c> with <paramref name="Required"/> false means null.</param>
/// <param name="Required">Whether a caller must give it.</param>
/// <param name="Description">What it means.</param>
public sealed record WorkflowInput(string Name, string Type, JsonNode? Default, bool Required, string Description)
{
    /// <summary>Properties this version does not know.</summary>
    public JsonObject? Unknown { get; init; }
}

/// <summary>A workflow output, evaluated when the workflow finishes.</summary>
/// <param name="Name">Output name.</param>
/// <param name="Value">Literal, <c>=expression</c> or string with <c>${…}</c>.</param>
public sealed record WorkflowOutput(string Name, JsonNode? Value);

/// <summary>A workflow variable.</summary>
/// <param name="Name">Name used as <c>variables.&lt;name&gt;</c>.</param>
/// <param name="Type">JSON type.</param>
/// <param name="Value">Initial value (may be an expression).</param>
public sealed record VariableDefinition(string Name, string Type, JsonNode? Value)
{
    /// <summary>Properties this version does not know.</summary>
    public JsonObject? Unknown { get; init; }
}

/// <summary>A trigger: its type (a trigger activity type) and its inputs.</summary>
/// <param name="Type">Trigger type name, for example <c>S3ObjectCreated</c>.</param>
/// <param name="Inputs">Its inputs, by name, in file order.</param>
public sealed record TriggerDefinition(string Type, IReadOnlyList<KeyValuePair<string, JsonNode?>> Inputs)
{
    /// <summary>Optional readable id of the trigger.</summary>
    public string? Id { get; init; }

    /// <summary>Properties this version does not know.</summary>
    public JsonObject? Unknown { get; init; }
}

/// <summary>A workflow's concurrency policy (Kestra's shape): at most <paramref name="Limit"/> active runs.</summary>
/// <param name="Limit">The most runs active at once (at least 1). <value>1</value></param>
/// <param name="Behavior">What a start beyond the limit does. <value>Queue</value></param>
public sealed record WorkflowConcurrency(int Limit = 1, ConcurrencyBehavior Behavior = ConcurrencyBehavior.Queue);

/// <summary>What a start does when the workflow already has <see cref="WorkflowConcurrency.Limit"/> active runs.</summary>
public enum ConcurrencyBehavior
{
    /// <summary>Start anyway: the limit is recorded but not enforced (<c>allow</c>).</summary>
    Allow,

    /// <summary>Wait until a run ends, then start, in the order the starts were accepted (<c>queue</c>).</summary>
    Queue,

    /// <summary>Drop the start; nothing runs for it (<c>skip</c>).</summary>
    Skip,

    /// <summary>Cancel the oldest active run, then start (<c>cancel</c>).</summary>
    Cancel,
}
