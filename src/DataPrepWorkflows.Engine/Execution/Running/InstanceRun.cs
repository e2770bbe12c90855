using System.Text.Json.Nodes;
using System.Threading.Channels;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Drives one instance for one engine call: a non-recursive work queue over the instance state. Steps that complete
/// synchronously are handled inline (no allocation beyond the step's context); asynchronous steps run concurrently
/// and report back through a channel, so shared state is only ever changed on the run's own logical thread.
/// </summary>
internal sealed partial class InstanceRun
{
    private readonly Queue<WorkItem> _queue = new();
    private readonly Dictionary<string, ScopeRuntime> _scopes = new(StringComparer.Ordinal);
    private readonly HashSet<ActivityExecutionContext> _inFlight = [];
    private Dictionary<ActivityState, List<WorkItem>>? _deferred;
    private readonly CancellationToken _callToken;
    private readonly object _variablesGate = new();
    private Channel<StepSignal>? _signals;
    private CancellationTokenSource? _instanceCts;
    private bool _terminal;

    public InstanceRun(WorkflowEngine engine, WorkflowPlan plan, WorkflowInstanceState state, JournalWriter journal, CancellationToken callToken)
    {
        Engine = engine;
        Plan = plan;
        State = state;
        Journal = journal;
        _callToken = callToken;
        Clock = engine.Clock;
    }

    public WorkflowEngine Engine { get; }

    public WorkflowPlan Plan { get; }

    public WorkflowInstanceState State { get; }

    public JournalWriter Journal { get; }

    public TimeProvider Clock { get; }

    /// <summary>Cancelled when the instance is cancelled during this call (the call's token) or it ends early.</summary>
    public CancellationToken InstanceToken
    {
        get
        {
            lock (_variablesGate)
            {
                _instanceCts ??= CancellationTokenSource.CreateLinkedTokenSource(_callToken);
                return _instanceCts.Token;
            }
        }
    }

    private bool IsTerminal => _terminal;

    /// <summary>A new id unique in the instance (deterministic, so replays produce the same ids).</summary>
    public string NewId(string prefix)
    {
        long id;
        lock (_variablesGate)
        {
            id = ++State.NextId;
        }

        return prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A new bookmark id: unique across instances (it starts with the instance id) and deterministic.</summary>
    public string NewBookmarkId() => State.InstanceId + "." + NewId("b");

    /// <summary>Starts a new instance: evaluates variables, schedules the start activities and runs.</summary>
    public async Task StartAsync()
    {
        State.Status = WorkflowStatus.Running;
        Journal.Write(State, JournalEvent.WorkflowStarted);
        var root = new ExecutionScopeState { Id = ScopeRuntime.RootId };
        State.Scopes[root.Id] = root;
        var scope = ScopeFor(root.Id);
        if (Plan.Variables.Length > 0)
        {
            try
            {
                var expressionScope = BuildExpressionScope(scope, null);
                foreach (var variable in Plan.Variables)
                {
                    root.Variables[variable.Name] = variable.Value.Evaluate(expressionScope);
                }
            }
            catch (Expressions.ExpressionEvaluationException ex)
            {
                FaultInstance(new ActivityError(ActivityError.InputError, "A workflow variable could not be evaluated: " + ex.Message, ""));
                return;
            }
        }

        foreach (var start in Plan.Root.Starts)
        {
            Schedule(scope, start);
        }

        if (Plan.Root.Starts.Length == 0)
        {
            FinishInstance(null);
        }

        await RunLoopAsync().ConfigureAwait(false);
    }

    /// <summary>Resumes the bookmark with <paramref name="bookmarkId"/>, here or in a suspended child.</summary>
    /// <returns>False when no pending bookmark has that id.</returns>
    public async Task<bool> ResumeAsync(string bookmarkId, JsonNode? input)
    {
        var index = State.Bookmarks.FindIndex(b => b.Bookmark.Id == bookmarkId);
        if (index >= 0)
        {
            var pending = State.Bookmarks[index];
            State.Bookmarks.RemoveAt(index);
            State.Status = WorkflowStatus.Running;
            Journal.Write(State, JournalEvent.WorkflowResumed, message: $"bookmark {bookmarkId}");
            EnqueueBookmark(pending, input);
        }
        else if (!await ResumeChildAsync(bookmarkId, input).ConfigureAwait(false))
        {
            return false;
        }

        await RunLoopAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Fires every durable timer that is due (here and in suspended children) and runs.</summary>
    public async Task RunDueTimersAsync()
    {
        var resumed = await RunChildTimersAsync().ConfigureAwait(false);
        if (!HasDueTimers() && !resumed)
        {
            // Nothing is due: the instance stays suspended and the journal stays quiet.
            return;
        }

        State.Status = WorkflowStatus.Running;
        Journal.Write(State, JournalEvent.WorkflowResumed, message: "due timers");
        await RunLoopAsync().ConfigureAwait(false);
    }

    /// <summary>Cancels the instance and everything it waits on.</summary>
    public void Cancel()
    {
        if (State.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
        {
            return;
        }

        CancelInstance();
    }

    private async Task RunLoopAsync()
    {
        while (true)
        {
            while (!_terminal && _queue.TryDequeue(out var item))
            {
                if (_callToken.IsCancellationRequested)
                {
                    CancelInstance();
                    break;
                }

                if (item.Kind == WorkKind.StartChildWorkflow)
                {
                    await StartChildAsync(item).ConfigureAwait(false);
                }
                else
                {
                    if (NeedsCheckpointBefore(item))
                    {
                        await CheckpointBeforeAsync(item).ConfigureAwait(false);
                    }

                    Process(item);
                }

                await CheckpointIfCompletedAsync().ConfigureAwait(false);
            }

            if (_terminal)
            {
                break;
            }

            if (_inFlight.Count > 0)
            {
                StepSignal signal;
                try
                {
                    signal = await _signals!.Reader.ReadAsync(_callToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    CancelInstance();
                    break;
                }

                OnSignal(signal);
                await CheckpointIfCompletedAsync().ConfigureAwait(false);
                continue;
            }

            if (EnqueueDueTimers())
            {
                continue;
            }

            break;
        }

        if (!_terminal)
        {
            State.Status = WorkflowStatus.Suspended;
            Journal.Write(State, JournalEvent.WorkflowSuspended, resumeAt: State.NextTimerDue());
        }

        State.UpdatedAt = Clock.GetUtcNow();
        _instanceCts?.Dispose();
    }

    /// <summary>Called from any thread when an asynchronous step ends or times out.</summary>
    public void Post(StepSignal signal) => _signals?.Writer.TryWrite(signal);

    private void OnSignal(StepSignal signal)
    {
        var context = signal.Context;
        if (!context.InFlight)
        {
            return;
        }

        context.InFlight = false;
        _inFlight.Remove(context);
        context.State.Busy = false;
        if (signal.TimedOut)
        {
            context.Cancel();
            OnStepFaulted(context, new TimeoutException());
        }
        else if (signal.Error is { } error)
        {
            OnStepFaulted(context, error);
        }
        else
        {
            OnStepSucceeded(context);
        }

        ReleaseDeferred(context.State);
    }

    private void Track(ActivityExecutionContext context, ValueTask step)
    {
        _signals ??= Channel.CreateUnbounded<StepSignal>(new UnboundedChannelOptions { SingleReader = true });
        context.InFlight = true;
        context.State.Busy = true;
        _inFlight.Add(context);
        _ = ObserveAsync(context, step);
    }

    private async Task ObserveAsync(ActivityExecutionContext context, ValueTask step)
    {
        Exception? error = null;
        try
        {
            await step.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every activity failure becomes a recorded fault; nothing may escape the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex;
        }

        Post(new StepSignal(context, error, TimedOut: false));
    }

    private bool HasDueTimers()
    {
        var now = Clock.GetUtcNow();
        foreach (var bookmark in State.Bookmarks)
        {
            if (bookmark.Bookmark.ResumeAt is { } at && at <= now)
            {
                return true;
            }
        }

        return false;
    }

    private bool EnqueueDueTimers()
    {
        if (State.Bookmarks.Count == 0 || !HasDueTimers())
        {
            return false;
        }

        var now = Clock.GetUtcNow();
        var due = State.Bookmarks.Where(b => b.Bookmark.ResumeAt is { } at && at <= now)
            .OrderBy(b => b.Bookmark.ResumeAt).ThenBy(b => b.Bookmark.CreatedAt).ToList();
        foreach (var bookmark in due)
        {
            State.Bookmarks.Remove(bookmark);
            EnqueueBookmark(bookmark, null);
        }

        return due.Count > 0;
    }

    private void EnqueueBookmark(BookmarkState pending, JsonNode? input)
    {
        if (!State.Scopes.ContainsKey(pending.ScopeId))
        {
            return;
        }

        var scope = ScopeFor(pending.ScopeId);
        if (!scope.Plan.ById.TryGetValue(pending.Bookmark.ActivityId, out var activity))
        {
            return;
        }

        _queue.Enqueue(pending.Kind == BookmarkKind.Retry
            ? new WorkItem(WorkKind.Execute, scope, activity)
            : new WorkItem(WorkKind.Resume, scope, activity) { Bookmark = pending.Bookmark, Input = input });
    }

    private ScopeRuntime ScopeFor(string scopeId)
    {
        if (_scopes.TryGetValue(scopeId, out var runtime))
        {
            return runtime;
        }

        var state = State.Scopes[scopeId];
        if (state.ParentId is null)
        {
            runtime = new ScopeRuntime(state, Plan.Root, null);
        }
        else
        {
            var parent = ScopeFor(state.ParentId);
            var owner = parent.Plan.ById[state.OwnerActivityId!];
            runtime = new ScopeRuntime(state, owner.Body!, parent);
        }

        _scopes[scopeId] = runtime;
        return runtime;
    }
}
