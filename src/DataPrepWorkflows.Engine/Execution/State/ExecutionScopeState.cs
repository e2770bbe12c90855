using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// A flowchart being executed: the workflow's root flowchart, or one run of an activity's <c>body</c> (a ForEach
/// iteration) with its own scope variables (<c>item</c>, <c>index</c>, <c>result</c>).
/// </summary>
public sealed class ExecutionScopeState
{
    /// <summary>The scope id (<c>root</c> for the workflow's flowchart).</summary>
    public string Id { get; set; } = "";

    /// <summary>The enclosing scope, or <c>null</c> for the root.</summary>
    public string? ParentId { get; set; }

    /// <summary>The activity (in the parent scope) whose body this scope runs.</summary>
    public string? OwnerActivityId { get; set; }

    /// <summary>The tag the owner gave when it scheduled the body.</summary>
    public string? Tag { get; set; }

    /// <summary>Variables declared by the scope (the workflow's variables for the root).</summary>
    public JsonObject Variables { get; set; } = [];

    /// <summary>State of each activity reached so far, by activity id.</summary>
    public Dictionary<string, ActivityState> Activities { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Activities scheduled, running, suspended or retrying in the scope.</summary>
    public int Active { get; set; }

    /// <summary>The outputs of the scope's last completed activity (a body's result when it sets no <c>result</c>).</summary>
    public JsonObject? LastOutput { get; set; }
}
