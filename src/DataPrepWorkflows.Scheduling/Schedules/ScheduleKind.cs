namespace DataPrepWorkflows.Scheduling;

/// <summary>The schedule trigger types, named as workflow files and the trigger index name them.</summary>
public static class ScheduleKind
{
    /// <summary>A cron schedule (<c>Cron</c>).</summary>
    public const string Cron = "Cron";

    /// <summary>A fixed interval (<c>Timer</c>).</summary>
    public const string Timer = "Timer";

    /// <summary>One instant (<c>StartAt</c>).</summary>
    public const string StartAt = "StartAt";

    /// <summary>The three types, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Cron, Timer, StartAt];

    /// <summary>Whether <paramref name="triggerType"/> is a schedule trigger type.</summary>
    public static bool IsSchedule(string triggerType) => All.Contains(triggerType, StringComparer.Ordinal);
}
