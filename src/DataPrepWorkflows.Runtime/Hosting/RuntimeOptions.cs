namespace DataPrepWorkflows.Runtime;

/// <summary>How a runtime node behaves (configuration section <c>Runtime</c>).</summary>
public sealed record RuntimeOptions
{
    /// <summary>This node's id in leases and logs. <value>machine name, process id and a random suffix.</value></summary>
    public string NodeId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>How long a claim on a work item lasts without renewal; a dead node's work moves on after it. <value>30 s</value></summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest an idle node waits before looking for work other nodes enqueued. <value>1 s</value></summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Work items applied at once by this node. <value>8 per processor</value></summary>
    public int MaxConcurrency { get; init; } = Environment.ProcessorCount * 8;

    /// <summary>When running instances are committed. <value><see cref="CommitStrategy.EveryActivity"/></value></summary>
    public CommitStrategy CommitStrategy { get; init; } = CommitStrategy.EveryActivity;

    /// <summary>For <see cref="CommitStrategy.Interval"/>: the least time between two commits of a running instance. <value>1 s</value></summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a start's deduplication key (an event id) is remembered. <value>24 h</value></summary>
    public TimeSpan DeduplicationWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Delete finished, faulted and cancelled instances (with their journals) this long after they ended; <c>null</c> keeps them. <value>null</value></summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>How often retention and deduplication clean-up run. <value>1 h</value></summary>
    public TimeSpan HousekeepingInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Attempts at applying one work item before an incident is recorded (it keeps being retried, backing off). <value>5</value></summary>
    public int IncidentAfterAttempts { get; init; } = 5;
}

/// <summary>When a running instance is committed (suspensions and ends are always committed).</summary>
public enum CommitStrategy
{
    /// <summary>After every activity that completes (and before every step not safe to re-run): a crash loses no completed step.</summary>
    EveryActivity,

    /// <summary>After a completed activity once <see cref="RuntimeOptions.CommitInterval"/> passed since the last commit.</summary>
    Interval,

    /// <summary>Only at suspensions and ends (and before steps not safe to re-run): fastest; a crash re-runs the steps since the last commit.</summary>
    OnSuspend,
}
