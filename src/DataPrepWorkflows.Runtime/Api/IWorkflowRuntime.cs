using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime;

/// <summary>
/// What hosts (the server, event sources, schedulers, the CLI) ask of the durable runtime. Every call that changes
/// something commits a work item first and returns; the runtime's nodes apply it. Nothing accepted is lost when a
/// process dies, and nothing is applied twice.
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>The store the runtime commits to.</summary>
    IRuntimeStore Store { get; }

    /// <summary>Accepts a start: resolves the version, commits a start work item and returns the new instance's id.</summary>
    /// <exception cref="WorkflowNotFoundException">No such workflow (or no published version when the published one is asked for).</exception>
    Task<StartedInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken);

    /// <summary>Resumes a pending bookmark with <paramref name="input"/>; false when it is not pending (already resumed, or never existed).</summary>
    Task<bool> ResumeAsync(string bookmarkId, JsonNode? input, CancellationToken cancellationToken);

    /// <summary>Asks to cancel an instance; false when it does not exist or already ended.</summary>
    Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Asks to retry a faulted instance from the activity that faulted; false when it is not faulted.</summary>
    Task<bool> RetryAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until the instance is no longer running (suspended, finished, faulted or cancelled) or
    /// <paramref name="timeout"/> passes, and returns its record (without state document unless it ended), or null
    /// when it does not exist.
    /// </summary>
    Task<InstanceRecord?> WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Publishes a version and rebuilds the workflow's entries of the trigger index.</summary>
    /// <exception cref="WorkflowNotFoundException">No such version.</exception>
    Task<StoredWorkflowVersion> PublishAsync(string workflowId, int version, CancellationToken cancellationToken);

    /// <summary>Unpublishes the workflow and removes its triggers from the index; false when nothing was published.</summary>
    Task<bool> UnpublishAsync(string workflowId, CancellationToken cancellationToken);
}

/// <summary>How to start an instance through the runtime.</summary>
public sealed record StartWorkflowRequest
{
    /// <summary>The workflow.</summary>
    public required string WorkflowId { get; init; }

    /// <summary>Which version. <value>The published version.</value></summary>
    public VersionSelector Version { get; init; } = VersionSelector.Published;

    /// <summary>Inputs by name.</summary>
    public JsonObject? Inputs { get; init; }

    /// <summary>The stimulus (an event, an HTTP request), visible as <c>trigger</c>.</summary>
    public JsonNode? Trigger { get; init; }

    /// <summary>Correlation id to record.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The instance id to use. <value>A new id.</value></summary>
    public string? InstanceId { get; init; }

    /// <summary>Accept the start once only within this key's window (an event id, a schedule's fire time).</summary>
    public DeduplicationRecord? Deduplication { get; init; }

    /// <summary>Not before this time (a start-at). <value>Now.</value></summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>
    /// Refuse the start with <see cref="Engine.Execution.WorkflowInputException"/> when <see cref="Inputs"/> do not fit the
    /// version's declared inputs, instead of accepting it and letting the instance fault with <c>States.InputError</c>
    /// (a caller that can answer at once, such as the API's dispatch). Event, schedule and HTTP starts leave it off:
    /// their stimulus is accepted, and a bad one faults the instance where it can be seen. <value>false</value>
    /// </summary>
    public bool CheckInputs { get; init; }
}

/// <summary>The result of <see cref="IWorkflowRuntime.StartAsync"/>.</summary>
/// <param name="InstanceId">The instance that will run (empty when <paramref name="Duplicate"/>).</param>
/// <param name="WorkflowVersion">The version it runs.</param>
/// <param name="Duplicate">The deduplication key was already accepted: nothing was started.</param>
public sealed record StartedInstance(string InstanceId, int WorkflowVersion, bool Duplicate);

/// <summary>A start or publish named a workflow or version that does not exist.</summary>
public sealed class WorkflowNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WorkflowNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public WorkflowNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
