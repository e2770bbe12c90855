using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>One entry of the run's work queue: a step of one activity.</summary>
internal readonly record struct WorkItem(WorkKind Kind, ScopeRuntime Scope, ActivityPlan Activity)
{
    public Bookmark? Bookmark { get; init; }

    public JsonNode? Input { get; init; }

    public ChildCompletion? Child { get; init; }

    public ChildWorkflowRequest? ChildRequest { get; init; }
}

/// <summary>What a work item does.</summary>
internal enum WorkKind
{
    /// <summary>Run a new attempt (ExecuteAsync).</summary>
    Execute,

    /// <summary>Resume a bookmark (ResumeAsync).</summary>
    Resume,

    /// <summary>Deliver a finished child (OnChildCompletedAsync).</summary>
    ChildCompleted,

    /// <summary>Start a child workflow requested by the activity.</summary>
    StartChildWorkflow,
}

/// <summary>A child workflow an activity asked for.</summary>
internal sealed record ChildWorkflowRequest(string WorkflowId, int? Version, JsonObject Inputs, string Tag);

/// <summary>A body run an activity asked for.</summary>
internal sealed record BodyRequest(IReadOnlyDictionary<string, JsonNode?> Variables, string Tag);

/// <summary>An asynchronous step finished, or its timeout elapsed.</summary>
internal readonly record struct StepSignal(ActivityExecutionContext Context, Exception? Error, bool TimedOut);
