using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// The engine's <see cref="ActivityContext"/> for one step of one activity. What the activity asks for (outcomes,
/// outputs, bookmarks, bodies, child workflows, log records) is buffered here and applied by the run when the step
/// ends, so an activity running on another thread never touches shared state except variables (guarded).
/// </summary>
internal sealed class ActivityExecutionContext : ActivityContext
{
    private readonly InstanceRun _run;
    private readonly object _gate = new();
    private CancellationTokenSource? _cts;
    private JournalLogger? _logger;

    public ActivityExecutionContext(InstanceRun run, ScopeRuntime scope, ActivityPlan plan, ActivityState state, WorkKind kind)
    {
        _run = run;
        Scope = scope;
        Plan = plan;
        State = state;
        Kind = kind;
    }

    public ScopeRuntime Scope { get; }

    public ActivityPlan Plan { get; }

    public ActivityState State { get; }

    public WorkKind Kind { get; }

    public Activity? Activity { get; set; }

    public string[]? ChosenOutcomes { get; private set; }

    public JsonObject? ExtraOutputs { get; private set; }

    public List<Bookmark>? NewBookmarks { get; private set; }

    public List<BodyRequest>? Bodies { get; private set; }

    public List<ChildWorkflowRequest>? ChildWorkflows { get; private set; }

    public bool FinishRequested { get; private set; }

    public JsonObject? FinishOutputs { get; private set; }

    /// <summary>Set while the step runs asynchronously and the run still waits for it.</summary>
    public bool InFlight { get; set; }

    public bool TimedOut { get; private set; }

    public ITimer? TimeoutTimer { get; set; }

    public DateTimeOffset StepStartedAt { get; set; }

    public List<(LogLevel Level, string Message)>? Logs => _logger?.Records;

    public override string ActivityId => Plan.Id;

    public override string ActivityType => Plan.Descriptor.TypeName;

    public override string IdempotencyKey => Scope.IsRoot
        ? base.IdempotencyKey
        : $"{WorkflowInstanceId}:{Scope.Id}:{ActivityId}:{Attempt}";

    public override string WorkflowInstanceId => _run.State.InstanceId;

    public override int Attempt => State.Attempt;

    public override CancellationToken CancellationToken
    {
        get
        {
            lock (_gate)
            {
                if (_cts is null)
                {
                    _cts = CancellationTokenSource.CreateLinkedTokenSource(_run.InstanceToken);
                    if (TimedOut)
                    {
                        _cts.Cancel();
                    }
                }

                return _cts.Token;
            }
        }
    }

    public override TimeProvider Clock => _run.Clock;

    public override ILogger Logger => _logger ??= new JournalLogger(_run.Engine.LoggerFor(Plan.Descriptor.TypeName));

    public override IReadOnlyDictionary<string, JsonNode?> Inputs =>
        State.Inputs is { } inputs ? new JsonObjectView(inputs) : JsonObjectView.Empty;

    public override IServiceProvider Services => _run.Engine.Services;

    public override JsonObject Properties => State.Properties ??= [];

    public override int PendingChildren => State.PendingChildren + (Bodies?.Count ?? 0) + (ChildWorkflows?.Count ?? 0);

    public override JsonNode? GetVariable(string name) => _run.GetVariable(Scope, name);

    public override void SetVariable(string name, JsonNode? value) => _run.SetVariable(Scope, name, value);

    public override void SetOutput(string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        (ExtraOutputs ??= [])[name] = value?.Parent is null ? value : value.DeepClone();
    }

    public override void SetOutcome(params string[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ChosenOutcomes = outcomes;
    }

    public override Bookmark CreateBookmark(string name, JsonNode? payload = null, DateTimeOffset? resumeAt = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bookmark = new Bookmark(_run.NewBookmarkId(), name, Plan.Id, payload?.Parent is null ? payload : payload.DeepClone(), resumeAt, Clock.GetUtcNow());
        (NewBookmarks ??= []).Add(bookmark);
        return bookmark;
    }

    public override void ScheduleBody(IReadOnlyDictionary<string, JsonNode?> scopeVariables, string tag)
    {
        ArgumentNullException.ThrowIfNull(scopeVariables);
        ArgumentNullException.ThrowIfNull(tag);
        if (Plan.Body is null)
        {
            throw new InvalidOperationException($"Activity '{Plan.Id}' has no body to schedule.");
        }

        (Bodies ??= []).Add(new BodyRequest(scopeVariables, tag));
    }

    public override void ScheduleChildWorkflow(string workflowId, int? version, JsonObject inputs, string tag)
    {
        ArgumentNullException.ThrowIfNull(workflowId);
        ArgumentNullException.ThrowIfNull(tag);
        (ChildWorkflows ??= []).Add(new ChildWorkflowRequest(workflowId, version, inputs ?? [], tag));
    }

    /// <summary>Adds the activity's [Output] properties (the non-null ones) to <see cref="ExtraOutputs"/>.</summary>
    public void CollectOutputs()
    {
        if (Activity is not { } activity)
        {
            return;
        }

        foreach (var output in Plan.Binder.Outputs)
        {
            if (output.Get(activity) is { } value)
            {
                (ExtraOutputs ??= [])[output.Name] = JsonConversion.ToJson(value);
            }
        }
    }

    /// <summary>Ends the whole workflow successfully (the Finish activity).</summary>
    public void RequestFinish(JsonObject? outputs)
    {
        FinishRequested = true;
        FinishOutputs = outputs;
    }

    /// <summary>Called by the timeout timer (any thread).</summary>
    public void OnTimeout()
    {
        lock (_gate)
        {
            TimedOut = true;
            _cts?.Cancel();
        }

        _run.Post(new StepSignal(this, null, TimedOut: true));
    }

    /// <summary>Cancels the step's token (instance cancelled, scope faulted, workflow finished).</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            if (_cts is { IsCancellationRequested: false } cts)
            {
                cts.Cancel();
            }
        }
    }

    /// <summary>Releases the timer and token source once the step is over.</summary>
    public void Release()
    {
        TimeoutTimer?.Dispose();
        TimeoutTimer = null;
        lock (_gate)
        {
            _cts?.Dispose();
            _cts = null;
        }
    }
}
