namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Makes a run durable while it runs: the engine hands it the instance state after every activity that completes and
/// before every step of an activity that is not safe to re-run, so a host can commit it. If the process dies, the
/// host continues the instance from its last commit with <see cref="WorkflowEngine.ContinueAsync"/>.
/// </summary>
public interface IWorkflowCheckpointer
{
    /// <summary>Whether to take a checkpoint now (cheap; called before the state is serialised).</summary>
    bool ShouldCheckpoint(WorkflowInstanceState state, CheckpointReason reason);

    /// <summary>
    /// Commits a checkpoint. Called on the run's own thread; the run waits for it. An exception (for example: the host
    /// lost its lease on the instance) stops the run and propagates out of the engine call.
    /// </summary>
    ValueTask CheckpointAsync(WorkflowCheckpoint checkpoint, CancellationToken cancellationToken);
}

/// <summary>A checkpoint of a running instance.</summary>
/// <param name="State">The live state (do not keep it: the run goes on changing it).</param>
/// <param name="StateJson">The state serialised at the checkpoint (UTF-8 JSON of <see cref="WorkflowInstanceState"/>).</param>
/// <param name="Journal">Journal entries written since the previous checkpoint of this call.</param>
/// <param name="Reason">Why the checkpoint was taken.</param>
public sealed record WorkflowCheckpoint(WorkflowInstanceState State, ReadOnlyMemory<byte> StateJson, IReadOnlyList<JournalEntry> Journal, CheckpointReason Reason);

/// <summary>Why a checkpoint was taken.</summary>
public enum CheckpointReason
{
    /// <summary>An activity completed.</summary>
    ActivityCompleted,

    /// <summary>A step of an activity that is not safe to re-run is about to begin (so an interruption is detectable).</summary>
    BeforeUnsafeStep,
}
