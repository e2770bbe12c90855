namespace DataPrepWorkflows.Engine.Execution;

/// <summary>A scope's persisted state joined with its flowchart plan and its parent, for the duration of a call.</summary>
internal sealed class ScopeRuntime(ExecutionScopeState state, FlowchartPlan plan, ScopeRuntime? parent)
{
    public const string RootId = "root";

    public ExecutionScopeState State { get; } = state;

    public FlowchartPlan Plan { get; } = plan;

    public ScopeRuntime? Parent { get; } = parent;

    public string Id => State.Id;

    public bool IsRoot => Parent is null;

    /// <summary>The activity's state in this scope, created (Pending) on first use.</summary>
    public ActivityState Get(ActivityPlan activity)
    {
        if (!State.Activities.TryGetValue(activity.Id, out var state))
        {
            state = new ActivityState { Type = activity.Descriptor.TypeName };
            State.Activities[activity.Id] = state;
        }

        return state;
    }
}
