using System.Collections.Concurrent;
using System.Threading.Channels;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime.Definitions;
using DataPrepWorkflows.Runtime.Execution;
using DataPrepWorkflows.Runtime.Waiting;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Runtime;

/// <summary>
/// The durable runtime on one node: accepts starts, resumes, cancels and retries as work items committed to the store
/// (<see cref="IWorkflowRuntime"/>), and — while <see cref="RunAsync"/> runs — claims due work under leases, applies
/// it with the engine, and commits each instance after every activity and at every suspension. Several nodes sharing
/// one store each run an instance on one node at a time; a node that dies leaves leases that lapse, and its work
/// continues elsewhere from the last commit.
/// </summary>
public sealed partial class RuntimeHost : IWorkflowRuntime, IAsyncDisposable
{
    private readonly RuntimeOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly DefinitionCache _definitions;
    private readonly CommitNotifier _notifier = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, RunSlot> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates a node over <paramref name="store"/>.</summary>
    /// <param name="store">Where everything is committed.</param>
    /// <param name="registry">The activity types instances may use.</param>
    /// <param name="expressions">The expression engine.</param>
    /// <param name="options">Node behaviour. <value>Defaults.</value></param>
    /// <param name="engineOptions">Clock, services, logging and environment for the engine (its checkpointer and workflow resolver are the runtime's own).</param>
    public RuntimeHost(IRuntimeStore store, ActivityRegistry registry, IExpressionEngine expressions, RuntimeOptions? options = null, WorkflowEngineOptions? engineOptions = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(expressions);
        Store = store;
        _options = options ?? new RuntimeOptions();
        var baseOptions = engineOptions ?? new WorkflowEngineOptions();
        _clock = baseOptions.TimeProvider;
        var loggerFactory = baseOptions.LoggerFactory;
        _logger = loggerFactory.CreateLogger("DataPrepWorkflows.Runtime");
        _definitions = new DefinitionCache(store, registry);
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        Engine = new WorkflowEngine(registry, expressions, new WorkflowEngineOptions
        {
            TimeProvider = baseOptions.TimeProvider,
            Services = baseOptions.Services,
            LoggerFactory = loggerFactory,
            Env = baseOptions.Env,
            Observer = baseOptions.Observer,
            Random = baseOptions.Random,
            WorkflowResolver = new StoreWorkflowResolver(_definitions),
            Checkpointer = new RunCheckpointer(store, _options, _clock, _notifier.Committed),
        });
    }

    /// <inheritdoc />
    public IRuntimeStore Store { get; }

    /// <summary>The engine this node runs instances with.</summary>
    public WorkflowEngine Engine { get; }

    /// <summary>This node's id.</summary>
    public string NodeId => _options.NodeId;

    /// <summary>Work items this node is applying right now.</summary>
    public int InFlight => _running.Count;

    /// <summary>Raised after this node commits an instance that ended or suspended (for progress displays); never throw from it.</summary>
    public event Action<InstanceRecord>? InstanceSettled;

    /// <summary>Stops nothing by itself (cancel the token given to <see cref="RunAsync"/>); releases local resources.</summary>
    public ValueTask DisposeAsync()
    {
        _slots.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Wake() => _wake.Writer.TryWrite(true);
}
