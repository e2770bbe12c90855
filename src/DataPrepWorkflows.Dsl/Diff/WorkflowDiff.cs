using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Dsl.Diff;

/// <summary>
/// The structural difference between two versions of a workflow: what a reviewer needs to see, independent of
/// formatting and of the order of inputs, edges and triggers. Empty when the definitions mean the same.
/// Serialises to camelCase JSON (<see cref="ToJson"/>); <see cref="WorkflowDiffText"/> renders it for people.
/// </summary>
public sealed record WorkflowDiff
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Changes of the workflow's own properties: <c>id</c>, <c>version</c>, <c>name</c>, <c>description</c>, unknown ones.</summary>
    public IReadOnlyList<ValueChange> Workflow { get; init; } = [];

    /// <summary>Workflow inputs added, removed or changed (values are the declarations).</summary>
    public IReadOnlyList<ValueChange> Inputs { get; init; } = [];

    /// <summary>Workflow outputs added, removed or changed (values are the output values).</summary>
    public IReadOnlyList<ValueChange> Outputs { get; init; } = [];

    /// <summary>Variables added, removed or changed (values are the declarations).</summary>
    public IReadOnlyList<ValueChange> Variables { get; init; } = [];

    /// <summary>Triggers added, removed or changed.</summary>
    public IReadOnlyList<TriggerChange> Triggers { get; init; } = [];

    /// <summary>Activities only in the new version, in its file order.</summary>
    public IReadOnlyList<ActivityRef> ActivitiesAdded { get; init; } = [];

    /// <summary>Activities only in the old version, in its file order.</summary>
    public IReadOnlyList<ActivityRef> ActivitiesRemoved { get; init; } = [];

    /// <summary>Activities in both versions whose type, inputs, retry, catch, timeout or other properties differ.</summary>
    public IReadOnlyList<ActivityChange> ActivitiesChanged { get; init; } = [];

    /// <summary>Edges (<c>next</c>) only in the new version.</summary>
    public IReadOnlyList<EdgeRef> EdgesAdded { get; init; } = [];

    /// <summary>Edges (<c>next</c>) only in the old version.</summary>
    public IReadOnlyList<EdgeRef> EdgesRemoved { get; init; } = [];

    /// <summary>Whether nothing differs.</summary>
    [JsonIgnore]
    public bool IsEmpty =>
        Workflow.Count + Inputs.Count + Outputs.Count + Variables.Count + Triggers.Count + ActivitiesAdded.Count
        + ActivitiesRemoved.Count + ActivitiesChanged.Count + EdgesAdded.Count + EdgesRemoved.Count == 0;

    /// <summary>The diff as indented camelCase JSON (what the server's API returns).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>Whether something was added, removed or changed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    /// <summary>Only in the new version.</summary>
    [JsonStringEnumMemberName("added")]
    Added,

    /// <summary>Only in the old version.</summary>
    [JsonStringEnumMemberName("removed")]
    Removed,

    /// <summary>In both, with different values.</summary>
    [JsonStringEnumMemberName("changed")]
    Changed,
}

/// <summary>A named value that differs.</summary>
/// <param name="Name">Property, input, declaration or output name.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Old">The old value as written in the file (<c>null</c> when added).</param>
/// <param name="New">The new value as written in the file (<c>null</c> when removed).</param>
public sealed record ValueChange(string Name, ChangeKind Kind, JsonNode? Old, JsonNode? New);

/// <summary>An activity added or removed.</summary>
/// <param name="Id">Activity id.</param>
/// <param name="Type">Activity type.</param>
/// <param name="Parent">The id of the activity whose <c>body</c> holds it, or <c>null</c> at the top level.</param>
public sealed record ActivityRef(string Id, string Type, string? Parent);

/// <summary>An activity present in both versions that differs.</summary>
/// <param name="Id">Activity id.</param>
/// <param name="Type">The new type.</param>
/// <param name="Properties">Changed properties: <c>type</c>, <c>description</c>, <c>timeout</c>, <c>retry</c>, <c>catch</c>, <c>parent</c>, unknown ones.</param>
/// <param name="Inputs">Inputs added, removed or changed.</param>
public sealed record ActivityChange(string Id, string Type, IReadOnlyList<ValueChange> Properties, IReadOnlyList<ValueChange> Inputs);

/// <summary>An edge: when <paramref name="From"/> completes with <paramref name="Outcome"/>, <paramref name="To"/> runs.</summary>
/// <param name="From">Source activity id.</param>
/// <param name="Outcome">Outcome (port) name.</param>
/// <param name="To">Target activity id.</param>
public sealed record EdgeRef(string From, string Outcome, string To);

/// <summary>A trigger added, removed or changed.</summary>
/// <param name="Key">The trigger's id, or <c>Type#n</c> (n-th trigger of that type) when it has none.</param>
/// <param name="Type">Trigger type (the new one when changed).</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Changes">For a changed trigger: its type and inputs that differ.</param>
public sealed record TriggerChange(string Key, string Type, ChangeKind Kind, IReadOnlyList<ValueChange> Changes);
