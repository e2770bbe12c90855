namespace DataPrepWorkflows.Engine.Activities;

/// <summary>
/// The base of every activity: a unit of work in a workflow. The engine creates a fresh instance for each execution,
/// binds the evaluated inputs onto the properties marked with <see cref="InputAttribute"/>, calls
/// <see cref="ExecuteAsync"/>, and reads the properties marked with <see cref="OutputAttribute"/> when the activity
/// completes.
/// </summary>
/// <remarks>
/// An activity completes when <see cref="ExecuteAsync"/> (or <see cref="ResumeAsync"/>) returns, unless it created a
/// bookmark or scheduled child work; then it stays running until the bookmark is resumed or the children finish.
/// Throw <see cref="ActivityFaultException"/> to fault with an error name that <c>retry</c> and <c>catch</c> can match.
/// </remarks>
public abstract class Activity
{
    /// <summary>Runs the activity.</summary>
    /// <param name="context">Inputs, outputs, variables, bookmarks, scheduling, clock, logger and cancellation.</param>
    protected internal abstract ValueTask ExecuteAsync(ActivityContext context);

    /// <summary>
    /// Called when a bookmark created by this activity is resumed, possibly in another process. The default completes
    /// the activity with the default outcome and exposes the resume payload as the output <c>resumeInput</c>.
    /// </summary>
    protected internal virtual ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption)
    {
        if (resumption.Input is not null)
        {
            context.SetOutput("resumeInput", resumption.Input);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Called when child work scheduled with <see cref="ActivityContext.ScheduleBody"/> or
    /// <see cref="ActivityContext.ScheduleChildWorkflow"/> finishes. The activity completes when this returns and no
    /// children remain, unless it scheduled more work or created a bookmark.
    /// </summary>
    protected internal virtual ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child) =>
        ValueTask.CompletedTask;
}
