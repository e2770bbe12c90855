using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>One step of one activity: evaluate and bind inputs, call the activity, apply what it asked for.</summary>
internal sealed partial class InstanceRun
{
    private void Process(WorkItem item)
    {
        var state = item.Scope.Get(item.Activity);
        if (_terminal || !Accepts(state.Status, item.Kind))
        {
            // Stale work: the activity was cancelled, faulted or is waiting for a retry meanwhile.
            return;
        }

        if (state.Busy)
        {
            _deferred ??= [];
            if (!_deferred.TryGetValue(state, out var waiting))
            {
                waiting = [];
                _deferred[state] = waiting;
            }

            waiting.Add(item);
            return;
        }

        var context = new ActivityExecutionContext(this, item.Scope, item.Activity, state, item.Kind);
        ValueTask step;
        try
        {
            step = StartStep(context, item);
        }
#pragma warning disable CA1031 // Every activity failure becomes a recorded fault; nothing may escape the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OnStepFaulted(context, ex);
            return;
        }

        if (step.IsCompletedSuccessfully)
        {
            OnStepSucceeded(context);
        }
        else if (step.IsCompleted)
        {
            try
            {
                step.GetAwaiter().GetResult();
                OnStepSucceeded(context);
            }
#pragma warning disable CA1031 // As above.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                OnStepFaulted(context, ex);
            }
        }
        else
        {
            Track(context, step);
        }
    }

    private static bool Accepts(ActivityStatus status, WorkKind kind) => kind switch
    {
        WorkKind.Execute => status is ActivityStatus.Scheduled or ActivityStatus.Retrying,
        WorkKind.Resume => status is ActivityStatus.Suspended or ActivityStatus.Running,
        _ => status is ActivityStatus.Running or ActivityStatus.Suspended,
    };

    private ValueTask StartStep(ActivityExecutionContext context, WorkItem item)
    {
        var plan = item.Activity;
        var state = context.State;
        var now = Clock.GetUtcNow();
        context.StepStartedAt = now;
        switch (item.Kind)
        {
            case WorkKind.Execute:
                state.Attempt = 1 + SumRetries(state);
                state.Status = ActivityStatus.Running;
                state.StepInProgress = true;
                state.StartedAt = now;
                state.Outputs = null;
                state.Outcomes = null;
                state.Error = null;
                state.Properties = null;
                state.Inputs = null;
                if (plan.MissingRequired.Length > 0)
                {
                    throw new InputFault($"activity '{plan.Id}': required input '{plan.MissingRequired[0]}' is not set.");
                }

                state.Inputs = EvaluateInputs(item.Scope, plan, state);
                Journal.Write(State, JournalEvent.Started, plan.Id, state.Type, item.Scope.Id, state.Attempt,
                    inputs: plan.HasSecrets ? Redact(plan, state.Inputs) : state.Inputs);
                ArmTimeout(context);
                context.Activity = CreateBound(plan, state);
                return context.Activity.ExecuteAsync(context);
            case WorkKind.Resume:
                state.Status = ActivityStatus.Running;
                state.StepInProgress = true;
                Journal.Write(State, JournalEvent.Resumed, plan.Id, state.Type, item.Scope.Id, state.Attempt,
                    message: $"bookmark {item.Bookmark!.Id} ({item.Bookmark.Name})");
                ArmTimeout(context);
                context.Activity = CreateBound(plan, state);
                return context.Activity.ResumeAsync(context, new BookmarkResumption(item.Bookmark, item.Input));
            default:
                state.PendingChildren--;
                context.Activity = CreateBound(plan, state);
                return context.Activity.OnChildCompletedAsync(context, item.Child!);
        }
    }

    private void ArmTimeout(ActivityExecutionContext context)
    {
        if (context.Plan.Node.Timeout is { } timeout)
        {
            context.TimeoutTimer = Clock.CreateTimer(static c => ((ActivityExecutionContext)c!).OnTimeout(), context, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    private static int SumRetries(ActivityState state)
    {
        var sum = 0;
        if (state.RetryAttempts is { } attempts)
        {
            foreach (var n in attempts)
            {
                sum += n;
            }
        }

        return sum;
    }

    private void OnStepSucceeded(ActivityExecutionContext context)
    {
        context.State.StepInProgress = false;
        if (context.TimedOut)
        {
            // The step ran past its timeout before returning (a synchronous activity cannot be interrupted).
            OnStepFaulted(context, new TimeoutException());
            return;
        }

        context.Release();
        FlushLogs(context);
        if (_terminal || context.State.IsFinal)
        {
            return;
        }

        try
        {
            context.CollectOutputs();
        }
#pragma warning disable CA1031 // An output getter or its JSON conversion failing is the activity's fault, recorded as such.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OnStepFaulted(context, ex);
            return;
        }

        var scope = context.Scope;
        var plan = context.Plan;
        var state = context.State;
        if (context.FinishRequested)
        {
            Complete(context, propagate: false);
            FinishInstance(context.FinishOutputs);
            return;
        }

        if (context.NewBookmarks is { } bookmarks)
        {
            DateTimeOffset? firstDue = null;
            foreach (var bookmark in bookmarks)
            {
                State.Bookmarks.Add(new BookmarkState { Bookmark = bookmark, ScopeId = scope.Id, Kind = BookmarkKind.Activity });
                if (bookmark.ResumeAt is { } at && (firstDue is null || at < firstDue))
                {
                    firstDue = at;
                }
            }

            state.Status = ActivityStatus.Suspended;
            Journal.Write(State, JournalEvent.Suspended, plan.Id, state.Type, scope.Id, state.Attempt,
                message: string.Join(", ", bookmarks.Select(b => b.Name)), resumeAt: firstDue);
        }

        if (context.Bodies is { } bodies)
        {
            foreach (var body in bodies)
            {
                StartBody(scope, plan, state, body);
            }
        }

        if (context.ChildWorkflows is { } children)
        {
            foreach (var child in children)
            {
                state.PendingChildren++;
                _queue.Enqueue(new WorkItem(WorkKind.StartChildWorkflow, scope, plan) { ChildRequest = child });
            }
        }

        if (context.NewBookmarks is null && state.PendingChildren == 0 && !state.IsFinal)
        {
            Complete(context, propagate: true);
        }
        else if (context.NewBookmarks is null && !state.IsFinal)
        {
            state.Status = ActivityStatus.Running;
        }
    }

    private void Complete(ActivityExecutionContext context, bool propagate)
    {
        var scope = context.Scope;
        var plan = context.Plan;
        var state = context.State;
        var outputs = context.ExtraOutputs;
        var now = Clock.GetUtcNow();
        state.Outputs = outputs;
        state.Outcomes = context.ChosenOutcomes is { Length: > 0 } chosen ? chosen : plan.DefaultOutcomes;
        state.Status = ActivityStatus.Completed;
        state.FinishedAt = now;
        _completedSinceCheckpoint = true;
        RemoveBookmarks(scope, plan.Id);
        scope.State.LastOutput = outputs;
        Journal.Write(State, JournalEvent.Completed, plan.Id, state.Type, scope.Id, state.Attempt,
            duration: state.StartedAt is { } started ? now - started : null, outputs: outputs, outcomes: state.Outcomes);
        if (!propagate)
        {
            // Finish ends the instance: nothing downstream runs and the instance finishes with its outputs.
            return;
        }

        PropagateOutcomes(scope, plan, state.Outcomes);
        scope.State.Active--;
        CheckScopeDone(scope);
    }

    private void FlushLogs(ActivityExecutionContext context)
    {
        if (context.Logs is not { Count: > 0 } logs)
        {
            return;
        }

        lock (logs)
        {
            foreach (var (level, message) in logs)
            {
                Journal.Write(State, JournalEvent.Log, context.Plan.Id, context.State.Type, context.Scope.Id,
                    context.State.Attempt, message: message, level: level.ToString());
            }

            logs.Clear();
        }
    }

    private void ReleaseDeferred(ActivityState state)
    {
        if (_deferred is not null && _deferred.Remove(state, out var waiting))
        {
            foreach (var item in waiting)
            {
                _queue.Enqueue(item);
            }
        }
    }

    private void RemoveBookmarks(ScopeRuntime scope, string activityId)
    {
        if (State.Bookmarks.Count > 0)
        {
            State.Bookmarks.RemoveAll(b => b.ScopeId == scope.Id && b.Bookmark.ActivityId == activityId);
        }
    }
}
