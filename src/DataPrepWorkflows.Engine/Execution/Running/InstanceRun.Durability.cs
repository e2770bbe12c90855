using System.Text.Json;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Durability: checkpoints handed to the host's <see cref="IWorkflowCheckpointer"/> while the run goes on, continuing
/// a run from its last checkpoint after the process that ran it stopped, and retrying a faulted instance from the
/// activities its fault ended.
/// </summary>
internal sealed partial class InstanceRun
{
    /// <summary>The error type of a step that was interrupted and is not safe to run again.</summary>
    public const string InterruptedError = "DataPrep.Interrupted";

    private bool _completedSinceCheckpoint;
    private int _journalMark;

    private IWorkflowCheckpointer? Checkpointer => State.ParentInstanceId is null ? Engine.Checkpointer : null;

    /// <summary>Continues an instance checkpointed while running: re-queues its pending steps and deals with interrupted ones.</summary>
    public async Task ContinueAsync()
    {
        Journal.Write(State, JournalEvent.WorkflowResumed, message: "continued from the last checkpoint");
        foreach (var pending in State.Pending)
        {
            if (State.Scopes.ContainsKey(pending.ScopeId))
            {
                var scope = ScopeFor(pending.ScopeId);
                if (scope.Plan.ById.TryGetValue(pending.ActivityId, out var activity))
                {
                    _queue.Enqueue(ToWorkItem(pending, scope, activity));
                }
            }
        }

        State.Pending.Clear();
        foreach (var scopeState in State.Scopes.Values.ToList())
        {
            if (!State.Scopes.ContainsKey(scopeState.Id))
            {
                continue;
            }

            var scope = ScopeFor(scopeState.Id);
            foreach (var (activityId, state) in scopeState.Activities.ToList())
            {
                if (state.StepInProgress && scope.Plan.ById.TryGetValue(activityId, out var plan))
                {
                    RecoverInterrupted(scope, plan, state);
                }
            }
        }

        await RunLoopAsync().ConfigureAwait(false);
    }

    /// <summary>Runs again the activities a fault ended; false when the instance is not faulted or nothing can be retried.</summary>
    public async Task<bool> RetryAsync()
    {
        if (State.Status != WorkflowStatus.Faulted || State.RetryFrom.Count == 0)
        {
            return false;
        }

        var points = State.RetryFrom.ToList();
        State.RetryFrom.Clear();
        State.Status = WorkflowStatus.Running;
        State.Error = null;
        State.FinishedAt = null;
        State.Outputs = null;
        Journal.Write(State, JournalEvent.WorkflowResumed, message: "retry from " + string.Join(", ", points.Select(p => p.ActivityId)));
        foreach (var point in points)
        {
            if (!State.Scopes.ContainsKey(point.ScopeId))
            {
                continue;
            }

            var scope = ScopeFor(point.ScopeId);
            if (!scope.Plan.ById.TryGetValue(point.ActivityId, out var plan))
            {
                continue;
            }

            var state = scope.Get(plan);
            state.Error = null;
            state.RetryAttempts = null;
            state.FinishedAt = null;
            state.PendingChildren = 0;
            state.StepInProgress = false;
            Schedule(scope, plan);
        }

        await RunLoopAsync().ConfigureAwait(false);
        return true;
    }

    private void RecoverInterrupted(ScopeRuntime scope, ActivityPlan plan, ActivityState state)
    {
        state.StepInProgress = false;
        if (plan.Descriptor.SafeToRerun)
        {
            // The same attempt number again, so the activity's idempotency key (and any token derived from it) repeats.
            state.Status = ActivityStatus.Scheduled;
            Journal.Write(State, JournalEvent.Scheduled, plan.Id, state.Type, scope.Id, state.Attempt,
                message: "its step was interrupted; running it again (the activity is safe to re-run)");
            _queue.Enqueue(new WorkItem(WorkKind.Execute, scope, plan));
            return;
        }

        var context = new ActivityExecutionContext(this, scope, plan, state, WorkKind.Execute)
        {
            StepStartedAt = state.StartedAt ?? Clock.GetUtcNow(),
        };
        OnStepFaulted(context, new ActivityFaultException(
            InterruptedError,
            $"The step of activity '{plan.Id}' ({plan.Descriptor.TypeName}) was interrupted when the process running it stopped; the activity is not marked safe to re-run, so it was not run again. Add a retrier on '{InterruptedError}' to run it again, or retry the instance."));
    }

    private static WorkItem ToWorkItem(PendingWorkState pending, ScopeRuntime scope, ActivityPlan activity) => pending.Kind switch
    {
        PendingWorkKind.Resume => new WorkItem(WorkKind.Resume, scope, activity) { Bookmark = pending.Bookmark, Input = pending.Input },
        PendingWorkKind.ChildCompleted => new WorkItem(WorkKind.ChildCompleted, scope, activity) { Child = pending.Child },
        PendingWorkKind.StartChildWorkflow => new WorkItem(WorkKind.StartChildWorkflow, scope, activity)
        {
            ChildRequest = new ChildWorkflowRequest(pending.ChildWorkflowId ?? "", pending.ChildVersion, pending.ChildInputs ?? [], pending.ChildTag ?? ""),
        },
        _ => new WorkItem(WorkKind.Execute, scope, activity),
    };

    private static PendingWorkState ToPending(WorkItem item) => new()
    {
        Kind = item.Kind switch
        {
            WorkKind.Resume => PendingWorkKind.Resume,
            WorkKind.ChildCompleted => PendingWorkKind.ChildCompleted,
            WorkKind.StartChildWorkflow => PendingWorkKind.StartChildWorkflow,
            _ => PendingWorkKind.Execute,
        },
        ScopeId = item.Scope.Id,
        ActivityId = item.Activity.Id,
        Bookmark = item.Bookmark,
        Input = item.Input?.DeepClone(),
        Child = item.Child,
        ChildWorkflowId = item.ChildRequest?.WorkflowId,
        ChildVersion = item.ChildRequest?.Version,
        ChildInputs = item.ChildRequest?.Inputs,
        ChildTag = item.ChildRequest?.Tag,
    };

    private bool NeedsCheckpointBefore(WorkItem item)
    {
        if (Checkpointer is null || item.Kind is not (WorkKind.Execute or WorkKind.Resume) || item.Activity.Descriptor.SafeToRerun)
        {
            return false;
        }

        var state = item.Scope.Get(item.Activity);
        return !state.Busy && Accepts(state.Status, item.Kind);
    }

    private async ValueTask CheckpointBeforeAsync(WorkItem item)
    {
        item.Scope.Get(item.Activity).StepInProgress = true;
        await CheckpointAsync(CheckpointReason.BeforeUnsafeStep).ConfigureAwait(false);
    }

    private ValueTask CheckpointIfCompletedAsync()
    {
        if (!_completedSinceCheckpoint || _terminal)
        {
            return ValueTask.CompletedTask;
        }

        _completedSinceCheckpoint = false;
        return Checkpointer is null ? ValueTask.CompletedTask : CheckpointAsync(CheckpointReason.ActivityCompleted);
    }

    private async ValueTask CheckpointAsync(CheckpointReason reason)
    {
        var checkpointer = Checkpointer!;
        if (!checkpointer.ShouldCheckpoint(State, reason))
        {
            return;
        }

        byte[] json;
        State.Pending.Clear();
        foreach (var item in _queue)
        {
            State.Pending.Add(ToPending(item));
        }

        if (_deferred is not null)
        {
            foreach (var waiting in _deferred.Values)
            {
                State.Pending.AddRange(waiting.Select(ToPending));
            }
        }

        State.UpdatedAt = Clock.GetUtcNow();
        try
        {
            json = Serialize();
        }
        finally
        {
            State.Pending.Clear();
        }

        var entries = Journal.Entries.GetRange(_journalMark, Journal.Entries.Count - _journalMark);
        _journalMark = Journal.Entries.Count;
        await checkpointer.CheckpointAsync(new WorkflowCheckpoint(State, json, entries, reason), _callToken).ConfigureAwait(false);
    }

    private byte[] Serialize()
    {
        // Steps still running on other threads may change their own properties or variables meanwhile: variables are
        // guarded by the gate; a collection changed under the serialiser is retried once it settles.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                lock (_variablesGate)
                {
                    return State.ToUtf8Json();
                }
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                Thread.Yield();
            }
            catch (JsonException) when (attempt < 5)
            {
                Thread.Yield();
            }
        }
    }
}
