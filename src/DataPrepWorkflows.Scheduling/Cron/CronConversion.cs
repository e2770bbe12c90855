namespace DataPrepWorkflows.Scheduling.Cron;

/// <summary>
/// The Quartz expressions a cron text stands for: one, or two when a 5-field expression restricts both day-of-month
/// and day-of-week (Unix fires when either matches; Quartz needs one of them to be <c>?</c>, so each becomes a trigger).
/// </summary>
/// <param name="QuartzExpressions">Quartz cron expressions (seconds first), or empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the text is not a valid cron expression, or <c>null</c>.</param>
internal sealed record CronConversion(IReadOnlyList<string> QuartzExpressions, string? Error)
{
    public bool IsValid => Error is null;

    public static CronConversion Fail(string error) => new([], error);

    public static CronConversion Of(params string[] expressions) => new(expressions, null);
}
