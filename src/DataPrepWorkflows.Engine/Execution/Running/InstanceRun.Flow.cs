using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Flowchart semantics: outcomes send tokens along edges, taken or skipped; an activity runs when every incoming edge
/// has delivered a token and at least one was taken (WaitAny joins run on the first taken one), and is skipped when all
/// were skipped, which propagates further so joins never deadlock.
/// </summary>
internal sealed partial class InstanceRun
{
    private void Schedule(ScopeRuntime scope, ActivityPlan activity)
    {
        var state = scope.Get(activity);
        state.Status = ActivityStatus.Scheduled;
        scope.State.Active++;
        Journal.Write(State, JournalEvent.Scheduled, activity.Id, state.Type, scope.Id);
        _queue.Enqueue(new WorkItem(WorkKind.Execute, scope, activity));
    }

    private void PropagateOutcomes(ScopeRuntime scope, ActivityPlan from, string[] outcomes)
    {
        foreach (var edge in from.Edges)
        {
            var taken = !edge.IsCatch && Contains(outcomes, edge.Outcome);
            Arrive(scope, edge.Target, taken, null);
        }
    }

    private void PropagateCatch(ScopeRuntime scope, ActivityPlan from, int catchIndex, ActivityError error)
    {
        foreach (var edge in from.Edges)
        {
            var taken = edge.CatchIndex == catchIndex;
            Arrive(scope, edge.Target, taken, taken ? error : null);
        }
    }

    private void Arrive(ScopeRuntime scope, ActivityPlan target, bool taken, ActivityError? caught)
    {
        if (_terminal)
        {
            return;
        }

        var state = scope.Get(target);
        if (state.HasFired)
        {
            // A WaitAny join already ran: later branches are ignored.
            return;
        }

        state.Arrived++;
        if (taken)
        {
            state.ArrivedLive++;
            if (caught is not null)
            {
                state.CaughtError = caught;
            }
        }

        if (target.WaitAny && taken)
        {
            Schedule(scope, target);
        }
        else if (state.Arrived >= target.Incoming)
        {
            if (state.ArrivedLive > 0)
            {
                Schedule(scope, target);
            }
            else
            {
                Skip(scope, target, state);
            }
        }
    }

    private void Skip(ScopeRuntime scope, ActivityPlan activity, ActivityState state)
    {
        state.Status = ActivityStatus.Skipped;
        Journal.Write(State, JournalEvent.Skipped, activity.Id, state.Type, scope.Id);
        foreach (var edge in activity.Edges)
        {
            Arrive(scope, edge.Target, false, null);
        }
    }

    private static bool Contains(string[] outcomes, string outcome)
    {
        foreach (var candidate in outcomes)
        {
            if (string.Equals(candidate, outcome, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void StartBody(ScopeRuntime parent, ActivityPlan owner, ActivityState ownerState, BodyRequest request)
    {
        var body = new ExecutionScopeState
        {
            Id = NewId("s"),
            ParentId = parent.Id,
            OwnerActivityId = owner.Id,
            Tag = request.Tag,
        };
        foreach (var pair in request.Variables)
        {
            body.Variables[pair.Key] = pair.Value?.Parent is null ? pair.Value : pair.Value.DeepClone();
        }

        State.Scopes[body.Id] = body;
        ownerState.PendingChildren++;
        var scope = ScopeFor(body.Id);
        foreach (var start in scope.Plan.Starts)
        {
            Schedule(scope, start);
        }

        CheckScopeDone(scope);
    }

    /// <summary>When nothing is active in a scope: the root finishes the instance; a body reports to its owner.</summary>
    private void CheckScopeDone(ScopeRuntime scope)
    {
        if (scope.State.Active > 0 || _terminal)
        {
            return;
        }

        if (scope.IsRoot)
        {
            FinishInstance(null);
            return;
        }

        var outputs = new JsonObject();
        foreach (var pair in scope.State.Variables)
        {
            outputs[pair.Key] = pair.Value?.DeepClone();
        }

        if (scope.State.LastOutput is { } last)
        {
            outputs[BodyOutputs.LastOutput] = last.DeepClone();
        }

        EndBody(scope, new ChildCompletion(scope.State.Tag ?? "", true, outputs, null));
    }

    private void EndBody(ScopeRuntime scope, ChildCompletion completion)
    {
        State.Scopes.Remove(scope.Id);
        _scopes.Remove(scope.Id);
        var parent = scope.Parent!;
        var owner = parent.Plan.ById[scope.State.OwnerActivityId!];
        _queue.Enqueue(new WorkItem(WorkKind.ChildCompleted, parent, owner) { Child = completion });
    }
}

/// <summary>Names the engine adds to a body's <see cref="ChildCompletion.Outputs"/>.</summary>
public static class BodyOutputs
{
    /// <summary>The outputs of the body's last completed activity.</summary>
    public const string LastOutput = "$lastOutput";
}
