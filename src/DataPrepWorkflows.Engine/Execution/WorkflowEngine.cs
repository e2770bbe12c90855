using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Runs workflow instances. Each call (start, resume, due timers, cancel) runs the instance until it finishes, faults,
/// is cancelled or suspends, and returns its status, its whole state and the journal entries written. Definitions are
/// compiled once per id and version. Thread-safe; the state passed to a call must not be used by another call at the
/// same time.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly WorkflowCompiler _compiler;
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowPlan> _plans = new();
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ActivityBinder> _triggerBinders = new(StringComparer.Ordinal);
    private readonly WorkflowEngineOptions _options;

    /// <summary>Creates an engine.</summary>
    /// <param name="registry">The activity types it can run.</param>
    /// <param name="expressions">Compiles <c>=expressions</c> and <c>${templates}</c>.</param>
    /// <param name="options">Clock, services, logging, environment, child-workflow resolver, observer.</param>
    public WorkflowEngine(ActivityRegistry registry, IExpressionEngine expressions, WorkflowEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(expressions);
        Registry = registry;
        _options = options ?? new WorkflowEngineOptions();
        _compiler = new WorkflowCompiler(registry, expressions);
        Services = _options.Services ?? EmptyServices.Instance;
        Random = _options.Random ?? Random.Shared;
    }

    /// <summary>The activity types this engine runs.</summary>
    public ActivityRegistry Registry { get; }

    internal TimeProvider Clock => _options.TimeProvider;

    internal IServiceProvider Services { get; }

    internal Random Random { get; }

    internal JsonObject? Env => _options.Env;

    /// <summary>
    /// Checks <paramref name="inputs"/> against the workflow's declared inputs as a start would (required ones present,
    /// values of their types), so a host can refuse a start before accepting it instead of letting it fault.
    /// </summary>
    /// <exception cref="WorkflowInputException">A required input is missing or a value does not fit its type.</exception>
    public static void CheckInputs(WorkflowDefinition definition, JsonObject? inputs)
    {
        ArgumentNullException.ThrowIfNull(definition);
        WorkflowInputs.Bind(definition, inputs);
    }

    /// <summary>Compiles and caches <paramref name="definition"/> so the first run pays nothing extra.</summary>
    /// <exception cref="WorkflowDefinitionException">The definition cannot run (unknown type, missing edge target, bad expression).</exception>
    public void Prepare(WorkflowDefinition definition) => GetPlan(definition);

    /// <summary>Starts a new instance and runs it until it finishes, faults or suspends.</summary>
    /// <param name="definition">The workflow.</param>
    /// <param name="request">Inputs, trigger payload, correlation id.</param>
    /// <param name="cancellationToken">Cancels the instance (recorded as Cancelled).</param>
    /// <exception cref="WorkflowDefinitionException">The definition cannot run.</exception>
    /// <exception cref="WorkflowInputException">Inputs are missing or of the wrong type.</exception>
    public async Task<WorkflowRunResult> StartAsync(WorkflowDefinition definition, WorkflowStartRequest? request = null, CancellationToken cancellationToken = default)
    {
        var plan = GetPlan(definition);
        var state = NewInstance(plan, request ?? new WorkflowStartRequest(), null);
        var journal = new JournalWriter(Clock, _options.Observer, (plan.Root.Activities.Length * 3) + 2);
        await new InstanceRun(this, plan, state, journal, cancellationToken).StartAsync().ConfigureAwait(false);
        return new WorkflowRunResult(state.Status, state, journal.Entries);
    }

    /// <summary>Resumes a bookmark (of the instance or of a suspended child) with a payload and runs on.</summary>
    /// <exception cref="ArgumentException">No pending bookmark has that id.</exception>
    public async Task<WorkflowRunResult> ResumeAsync(WorkflowDefinition definition, WorkflowInstanceState state, string bookmarkId, JsonNode? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(bookmarkId);
        var plan = PlanFor(definition, state);
        var journal = new JournalWriter(Clock, _options.Observer);
        if (state.Status != WorkflowStatus.Suspended
            || !await new InstanceRun(this, plan, state, journal, cancellationToken).ResumeAsync(bookmarkId, input).ConfigureAwait(false))
        {
            throw new ArgumentException($"Instance '{state.InstanceId}' ({state.Status}) has no pending bookmark '{bookmarkId}'.", nameof(bookmarkId));
        }

        return new WorkflowRunResult(state.Status, state, journal.Entries);
    }

    /// <summary>Fires the durable timers (delays, retry waits) that are due by the engine's clock and runs on.</summary>
    public async Task<WorkflowRunResult> RunDueTimersAsync(WorkflowDefinition definition, WorkflowInstanceState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plan = PlanFor(definition, state);
        var journal = new JournalWriter(Clock, _options.Observer);
        if (state.Status == WorkflowStatus.Suspended)
        {
            await new InstanceRun(this, plan, state, journal, cancellationToken).RunDueTimersAsync().ConfigureAwait(false);
        }

        return new WorkflowRunResult(state.Status, state, journal.Entries);
    }

    /// <summary>Cancels a suspended instance and its children; a finished instance is returned unchanged.</summary>
    public Task<WorkflowRunResult> CancelAsync(WorkflowDefinition definition, WorkflowInstanceState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plan = PlanFor(definition, state);
        var journal = new JournalWriter(Clock, _options.Observer);
        new InstanceRun(this, plan, state, journal, cancellationToken).Cancel();
        return Task.FromResult(new WorkflowRunResult(state.Status, state, journal.Entries));
    }

    /// <summary>
    /// Continues an instance from a checkpoint taken while it was running (its process stopped): pending steps run,
    /// a step that was interrupted runs again when its activity is safe to re-run and faults with
    /// <c>DataPrep.Interrupted</c> otherwise. An instance that is not running is returned unchanged.
    /// </summary>
    public async Task<WorkflowRunResult> ContinueAsync(WorkflowDefinition definition, WorkflowInstanceState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plan = PlanFor(definition, state);
        var journal = new JournalWriter(Clock, _options.Observer);
        if (state.Status == WorkflowStatus.Running)
        {
            await new InstanceRun(this, plan, state, journal, cancellationToken).ContinueAsync().ConfigureAwait(false);
        }

        return new WorkflowRunResult(state.Status, state, journal.Entries);
    }

    /// <summary>
    /// Retries a faulted instance from the activity whose uncaught fault ended it (and the parallel activities the
    /// fault cancelled), with fresh retry counters, and runs on.
    /// </summary>
    /// <exception cref="ArgumentException">The instance is not faulted, or its fault happened outside any activity.</exception>
    public async Task<WorkflowRunResult> RetryAsync(WorkflowDefinition definition, WorkflowInstanceState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var plan = PlanFor(definition, state);
        var journal = new JournalWriter(Clock, _options.Observer);
        if (!await new InstanceRun(this, plan, state, journal, cancellationToken).RetryAsync().ConfigureAwait(false))
        {
            throw new ArgumentException($"Instance '{state.InstanceId}' ({state.Status}) has no faulted activity to retry.", nameof(state));
        }

        return new WorkflowRunResult(state.Status, state, journal.Entries);
    }

    /// <summary>
    /// Creates the trigger activity a workflow's <c>triggers</c> entry declares, its inputs bound from their literal
    /// values, so a host can index it (<see cref="TriggerActivity.GetTriggerPayloads"/>) when the version is published.
    /// </summary>
    /// <exception cref="WorkflowDefinitionException">The type is unknown, not a trigger, or an input has the wrong type.</exception>
    public TriggerActivity CreateTrigger(TriggerDefinition trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var descriptor = Registry.Find(trigger.Type);
        if (descriptor is null || descriptor.Kind != ActivityKind.Trigger)
        {
            throw new WorkflowDefinitionException("ENG012", $"Trigger type '{trigger.Type}' is not a registered trigger activity.");
        }

        var binder = _triggerBinders.GetOrAdd(trigger.Type, static (_, d) => ActivityBinder.For(d), descriptor);
        if (binder.Create() is not TriggerActivity activity)
        {
            throw new WorkflowDefinitionException("ENG012", $"Trigger type '{trigger.Type}' does not derive from TriggerActivity.");
        }

        foreach (var (name, value) in trigger.Inputs)
        {
            if (binder.FindInput(name) is not { } binding || (value is null && binding.RejectsNull))
            {
                continue;
            }

            try
            {
                binding.Set(activity, JsonConversion.ToClr(value, binding.Type));
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or System.Text.Json.JsonException)
            {
                throw new WorkflowDefinitionException("ENG013", $"Trigger '{trigger.Id ?? trigger.Type}', input '{name}': {ex.Message}", ex);
            }
        }

        return activity;
    }

    internal IWorkflowCheckpointer? Checkpointer => _options.Checkpointer;

    internal WorkflowPlan GetPlan(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var key = (definition.Id, definition.Version);
        if (_plans.TryGetValue(key, out var plan) && ReferenceEquals(plan.Definition, definition))
        {
            return plan;
        }

        plan = _compiler.Compile(definition);
        _plans[key] = plan;
        return plan;
    }

    internal WorkflowPlan? TryGetCachedPlan(string id, int version) => _plans.GetValueOrDefault((id, version));

    internal async ValueTask<WorkflowPlan> ResolvePlanAsync(string id, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v && _plans.TryGetValue((id, v), out var cached))
        {
            return cached;
        }

        var resolver = _options.WorkflowResolver
            ?? throw new WorkflowDefinitionException("ENG010", $"Workflow '{id}' is run as a child, but the engine has no workflow resolver; configure WorkflowEngineOptions.WorkflowResolver.");
        var definition = await resolver.ResolveAsync(id, version, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowDefinitionException("ENG011", $"Child workflow '{id}'{(version is null ? "" : $" v{version}")} was not found.");
        return GetPlan(definition);
    }

    internal WorkflowInstanceState NewInstance(WorkflowPlan plan, WorkflowStartRequest request, string? parentInstanceId)
    {
        var now = Clock.GetUtcNow();
        return new WorkflowInstanceState
        {
            InstanceId = request.InstanceId ?? Guid.CreateVersion7().ToString("N"),
            WorkflowId = plan.Definition.Id,
            WorkflowVersion = plan.Definition.Version,
            CorrelationId = request.CorrelationId,
            ParentInstanceId = parentInstanceId,
            Status = WorkflowStatus.Running,
            Inputs = WorkflowInputs.Bind(plan.Definition, request.Inputs),
            Trigger = request.Trigger?.DeepClone(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    internal ILogger LoggerFor(string activityType) =>
        _loggers.GetOrAdd(activityType, static (type, factory) => factory.CreateLogger("DataPrepWorkflows.Activities." + type), _options.LoggerFactory);

    private WorkflowPlan PlanFor(WorkflowDefinition definition, WorkflowInstanceState state)
    {
        var plan = GetPlan(definition);
        if (!string.Equals(state.WorkflowId, definition.Id, StringComparison.Ordinal) || state.WorkflowVersion != definition.Version)
        {
            throw new ArgumentException(
                $"Instance '{state.InstanceId}' belongs to workflow '{state.WorkflowId}' v{state.WorkflowVersion}, not '{definition.Id}' v{definition.Version}.",
                nameof(definition));
        }

        return plan;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
