using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;

namespace DataPrepWorkflows.Server;

/// <summary>
/// What a host hands to the server: the opened store, the runtime node, the activity registry and the optional parts
/// other projects contribute (events ingestion, extra endpoints).
/// </summary>
/// <param name="Store">The runtime store (opened, migrations applied).</param>
/// <param name="Runtime">The runtime the API starts, resumes, cancels and retries through.</param>
/// <param name="Registry">The activity types workflows may use (the designer's palette, validation).</param>
public sealed record ServerComponents(IRuntimeStore Store, IWorkflowRuntime Runtime, ActivityRegistry Registry)
{
    /// <summary>Compiles expressions when validating. <value>A new <see cref="JintExpressionEngine"/>.</value></summary>
    public IExpressionEngine? Expressions { get; init; }

    /// <summary>The clock for audit records, feeds and readiness. <value><see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether the runtime node's loop is running (readiness). <value>Always true.</value></summary>
    public Func<bool> NodeRunning { get; init; } = static () => true;

    /// <summary>
    /// Accepts an authenticated EventBridge event (<c>POST /api/v1/events</c>): matches it against the trigger index
    /// and starts what it triggers. <value><c>null</c>: the endpoint answers 503 (not configured).</value>
    /// </summary>
    public IEventIngestion? Events { get; init; }

    /// <summary>
    /// The metrics the API and the runtime's engine report to (give the same object to the engine as its observer).
    /// <value>A new <see cref="ServerMetrics"/>.</value>
    /// </summary>
    public ServerMetrics? Metrics { get; init; }

    /// <summary>
    /// The labeling service; when given, the labeling page and API are served under <c>/labeling</c> (editor role).
    /// <value><c>null</c>: no labeling endpoints.</value>
    /// </summary>
    public DataPrepWorkflows.Labeling.Running.LabelingJobs? Labeling { get; init; }

    /// <summary>Maps more endpoints (HTTP-triggered workflows, the labeling page) after the API's own.</summary>
    public Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder>? MapExtensions { get; init; }
}
