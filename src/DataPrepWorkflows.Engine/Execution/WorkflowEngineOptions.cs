using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>What a host gives the engine besides the registry and the expression engine.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>The clock for journal timestamps, durable timers, retry waits and timeouts. <value>System clock.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Services for activity backends (<see cref="Activities.ActivityContext.Services"/>). <value>None.</value></summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Loggers for activities (<see cref="Activities.ActivityContext.Logger"/>). <value>No logging.</value></summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Environment parameters, visible to expressions as <c>env</c>. <value>Empty.</value></summary>
    public JsonObject? Env { get; init; }

    /// <summary>Finds the definitions of child workflows started by RunWorkflow. <value>None: RunWorkflow faults.</value></summary>
    public IWorkflowDefinitionResolver? WorkflowResolver { get; init; }

    /// <summary>Receives every journal entry as it is written, for live progress. <value>None.</value></summary>
    public IExecutionObserver? Observer { get; init; }

    /// <summary>Random source for retry jitter (<c>JitterStrategy: FULL</c>). <value><see cref="Random.Shared"/>.</value></summary>
    public Random? Random { get; init; }

    /// <summary>Commits running instances at checkpoints (durable hosts); <c>null</c> takes none.</summary>
    public IWorkflowCheckpointer? Checkpointer { get; init; }
}
