using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Engine.Tests.Durability;

/// <summary>
/// Keeps every checkpoint like a store would, and can play a process dying: at checkpoint number
/// <see cref="KillAt"/> it throws, after committing it when <see cref="CommitBeforeKill"/> is set.
/// </summary>
internal sealed class RecordingCheckpointer : IWorkflowCheckpointer
{
    public List<WorkflowCheckpoint> Committed { get; } = [];

    public List<CheckpointReason> Offered { get; } = [];

    public int? KillAt { get; init; }

    public bool CommitBeforeKill { get; init; }

    public bool Enabled { get; init; } = true;

    public byte[] LastState => Committed[^1].StateJson.ToArray();

    public bool ShouldCheckpoint(WorkflowInstanceState state, CheckpointReason reason)
    {
        Offered.Add(reason);
        return Enabled;
    }

    public ValueTask CheckpointAsync(WorkflowCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var number = Committed.Count + 1;
        var copy = checkpoint with { StateJson = checkpoint.StateJson.ToArray(), Journal = checkpoint.Journal.ToList() };
        if (number == KillAt)
        {
            if (CommitBeforeKill)
            {
                Committed.Add(copy);
            }

            throw new ProcessKilledException();
        }

        Committed.Add(copy);
        return ValueTask.CompletedTask;
    }
}

internal sealed class ProcessKilledException : Exception
{
    public ProcessKilledException()
        : base("the process died")
    {
    }

    public ProcessKilledException(string message)
        : base(message)
    {
    }

    public ProcessKilledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
