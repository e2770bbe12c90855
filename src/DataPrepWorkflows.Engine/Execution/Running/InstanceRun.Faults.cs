using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>Faults (retry, catch, propagation) and the ends of an instance (finish, fault, cancel).</summary>
internal sealed partial class InstanceRun
{
    private void OnStepFaulted(ActivityExecutionContext context, Exception exception)
    {
        context.State.StepInProgress = false;
        context.Release();
        FlushLogs(context);
        var scope = context.Scope;
        var plan = context.Plan;
        var state = context.State;
        if (_terminal || state.IsFinal)
        {
            return;
        }

        if (exception is OperationCanceledException && !context.TimedOut && _callToken.IsCancellationRequested)
        {
            CancelInstance();
            return;
        }

        var error = ToError(plan.Id, exception, context.TimedOut);
        CancelChildrenOf(scope, plan.Id);
        RemoveBookmarks(scope, plan.Id);
        var now = Clock.GetUtcNow();
        Journal.Write(State, JournalEvent.Faulted, plan.Id, state.Type, scope.Id, state.Attempt,
            duration: now - context.StepStartedAt, error: error);

        var retriers = plan.Node.Retry;
        for (var i = 0; i < retriers.Count; i++)
        {
            var retrier = retriers[i];
            if (!RetryPolicy.Matches(retrier.ErrorEquals, error.Error))
            {
                continue;
            }

            state.RetryAttempts ??= new int[retriers.Count];
            if (state.RetryAttempts[i] < retrier.MaxAttempts)
            {
                var retry = ++state.RetryAttempts[i];
                var resumeAt = now + RetryPolicy.Wait(retrier, retry, Engine.Random);
                var bookmark = new Bookmark(NewBookmarkId(), "Retry", plan.Id, null, resumeAt, now);
                State.Bookmarks.Add(new BookmarkState { Bookmark = bookmark, ScopeId = scope.Id, Kind = BookmarkKind.Retry });
                state.Status = ActivityStatus.Retrying;
                state.Error = error;
                Journal.Write(State, JournalEvent.Retried, plan.Id, state.Type, scope.Id, state.Attempt, error: error,
                    message: $"retrier {i}: retry {retry} of {retrier.MaxAttempts}", resumeAt: resumeAt);
                return;
            }

            // Step Functions: the first matching retrier decides; once exhausted, go to catch.
            break;
        }

        state.Status = ActivityStatus.Faulted;
        state.Error = error;
        state.FinishedAt = now;
        var catchers = plan.Node.Catch;
        for (var k = 0; k < catchers.Count; k++)
        {
            if (RetryPolicy.Matches(catchers[k].ErrorEquals, error.Error))
            {
                PropagateCatch(scope, plan, k, error);
                scope.State.Active--;
                CheckScopeDone(scope);
                return;
            }
        }

        scope.State.Active--;
        FaultScope(scope, error);
    }

    private static ActivityError ToError(string activityId, Exception exception, bool timedOut) => exception switch
    {
        _ when timedOut => new ActivityError(ActivityError.Timeout, $"Activity '{activityId}' ran past its timeout.", activityId),
        ActivityFaultException fault => new ActivityError(fault.Error, fault.Message, activityId),
        InputFault input => new ActivityError(ActivityError.InputError, input.Message, activityId),
        _ => new ActivityError(ActivityError.TaskFailed, exception.Message, activityId),
    };

    /// <summary>An uncaught fault: a body run ends failed (its owner decides), the root faults the instance.</summary>
    private void FaultScope(ScopeRuntime scope, ActivityError error)
    {
        if (scope.IsRoot)
        {
            FaultInstance(error);
            return;
        }

        CancelScopeContents(scope);
        var outputs = new JsonObject();
        foreach (var pair in scope.State.Variables)
        {
            outputs[pair.Key] = pair.Value?.DeepClone();
        }

        EndBody(scope, new ChildCompletion(scope.State.Tag ?? "", false, outputs, error));
    }

    private void FinishInstance(JsonObject? overrideOutputs)
    {
        if (_terminal)
        {
            return;
        }

        JsonObject outputs;
        try
        {
            outputs = EvaluateWorkflowOutputs();
        }
        catch (Expressions.ExpressionEvaluationException ex)
        {
            FaultInstance(new ActivityError(ActivityError.InputError, "A workflow output could not be evaluated: " + ex.Message, ""));
            return;
        }

        if (overrideOutputs is not null)
        {
            foreach (var pair in overrideOutputs)
            {
                outputs[pair.Key] = pair.Value?.DeepClone();
            }
        }

        CancelEverything();
        _terminal = true;
        State.Outputs = outputs;
        State.Status = WorkflowStatus.Finished;
        State.FinishedAt = Clock.GetUtcNow();
        Journal.Write(State, JournalEvent.WorkflowFinished, outputs: outputs);
    }

    private JsonObject EvaluateWorkflowOutputs()
    {
        var outputs = new JsonObject();
        if (Plan.Outputs.Length == 0)
        {
            return outputs;
        }

        var scope = BuildExpressionScope(ScopeFor(ScopeRuntime.RootId), null);
        foreach (var output in Plan.Outputs)
        {
            outputs[output.Name] = output.Value.Evaluate(scope);
        }

        return outputs;
    }

    private void FaultInstance(ActivityError error)
    {
        if (_terminal)
        {
            return;
        }

        RecordRetryPoints(error);
        CancelEverything();
        _terminal = true;
        State.Error = error;
        State.Status = WorkflowStatus.Faulted;
        State.FinishedAt = Clock.GetUtcNow();
        Journal.Write(State, JournalEvent.WorkflowFaulted, activityId: error.ActivityId.Length > 0 ? error.ActivityId : null, error: error);
    }

    /// <summary>A retry runs again the root activity whose fault ended the instance and the ones the fault cancels.</summary>
    private void RecordRetryPoints(ActivityError error)
    {
        State.RetryFrom.Clear();
        if (!State.Scopes.TryGetValue(ScopeRuntime.RootId, out var root))
        {
            return;
        }

        foreach (var (activityId, state) in root.Activities)
        {
            var faultedHere = activityId == error.ActivityId && state.Status == ActivityStatus.Faulted;
            if (faultedHere || state.Status is ActivityStatus.Scheduled or ActivityStatus.Running or ActivityStatus.Suspended or ActivityStatus.Retrying)
            {
                State.RetryFrom.Add(new ActivityRef(ScopeRuntime.RootId, activityId));
            }
        }
    }

    private void CancelInstance()
    {
        if (_terminal)
        {
            return;
        }

        CancelEverything();
        _terminal = true;
        State.Status = WorkflowStatus.Cancelled;
        State.FinishedAt = Clock.GetUtcNow();
        Journal.Write(State, JournalEvent.WorkflowCancelled);
    }

    /// <summary>Stops every activity still active in any scope, every bookmark and every child workflow.</summary>
    private void CancelEverything()
    {
        _queue.Clear();
        var scopeIds = State.Scopes.Count == 1 ? (IEnumerable<string>)[ScopeRuntime.RootId] : State.Scopes.Keys.ToList();
        foreach (var scopeId in scopeIds)
        {
            if (State.Scopes.ContainsKey(scopeId))
            {
                var scope = ScopeFor(scopeId);
                foreach (var pair in scope.State.Activities)
                {
                    CancelActivityState(scope, pair.Key, pair.Value);
                }
            }
        }

        foreach (var context in _inFlight)
        {
            context.InFlight = false;
            context.Cancel();
            context.Release();
        }

        _inFlight.Clear();
        _instanceCts?.Cancel();
        State.Bookmarks.Clear();
        foreach (var child in State.Children)
        {
            CancelChildInstance(child);
        }

        State.Children.Clear();
    }

    /// <summary>Cancels what is active inside a body run (after an uncaught fault in it).</summary>
    private void CancelScopeContents(ScopeRuntime scope)
    {
        foreach (var pair in scope.State.Activities)
        {
            CancelActivityState(scope, pair.Key, pair.Value);
        }
    }

    private void CancelActivityState(ScopeRuntime scope, string activityId, ActivityState state)
    {
        if (state.Status is not (ActivityStatus.Scheduled or ActivityStatus.Running or ActivityStatus.Suspended or ActivityStatus.Retrying))
        {
            return;
        }

        state.Status = ActivityStatus.Cancelled;
        state.StepInProgress = false;
        state.FinishedAt = Clock.GetUtcNow();
        scope.State.Active--;
        Journal.Write(State, JournalEvent.Cancelled, activityId, state.Type, scope.Id, state.Attempt);
        foreach (var context in _inFlight)
        {
            if (context.State == state)
            {
                context.InFlight = false;
                context.Cancel();
                context.Release();
                _inFlight.Remove(context);
                break;
            }
        }

        RemoveBookmarks(scope, activityId);
        CancelChildrenOf(scope, activityId);
    }

    /// <summary>Cancels the body runs and child workflows an activity started.</summary>
    private void CancelChildrenOf(ScopeRuntime scope, string activityId)
    {
        foreach (var body in State.Scopes.Values.Where(s => s.ParentId == scope.Id && s.OwnerActivityId == activityId).ToList())
        {
            var bodyScope = ScopeFor(body.Id);
            CancelScopeContents(bodyScope);
            State.Scopes.Remove(body.Id);
            _scopes.Remove(body.Id);
        }

        for (var i = State.Children.Count - 1; i >= 0; i--)
        {
            var child = State.Children[i];
            if (child.ScopeId == scope.Id && child.ActivityId == activityId)
            {
                CancelChildInstance(child);
                State.Children.RemoveAt(i);
            }
        }

        if (scope.State.Activities.TryGetValue(activityId, out var state))
        {
            state.PendingChildren = 0;
        }
    }
}
