using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>Waits durably: a bookmark with a due time, never a sleeping thread, so the wait survives restarts.</summary>
[Activity("Delay", Category = "Control", Description = "Waits for a duration (ISO 8601, e.g. PT5M) or until a date-time.")]
public sealed class Delay : Activity
{
    /// <summary>How long to wait.</summary>
    [Input(Description = "How long to wait, as an ISO 8601 duration such as PT5M.")]
    public TimeSpan? Duration { get; set; }

    /// <summary>When to continue.</summary>
    [Input(Description = "When to continue, as an ISO 8601 date-time (used instead of duration).")]
    public DateTimeOffset? Until { get; set; }

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow();
        var resumeAt = Until ?? (Duration is { } duration ? now + duration
            : throw new ActivityFaultException(ActivityError.InputError, $"Delay '{context.ActivityId}' needs 'duration' or 'until'."));
        if (resumeAt > now)
        {
            context.CreateBookmark("Delay", null, resumeAt);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected internal override ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption) => ValueTask.CompletedTask;
}
