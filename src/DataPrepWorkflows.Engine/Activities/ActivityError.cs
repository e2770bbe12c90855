namespace DataPrepWorkflows.Engine.Activities;

/// <summary>
/// An activity's error as <c>retry</c>/<c>catch</c> see it and as the journal records it: the error name matched by
/// <c>errorEquals</c> (Step Functions style, for example <c>States.Timeout</c> or <c>Glue.JobRunFailed</c>), a message,
/// and the activity that raised it.
/// </summary>
/// <param name="Error">Error name matched by <c>errorEquals</c>.</param>
/// <param name="Cause">Human-readable message.</param>
/// <param name="ActivityId">The activity that faulted.</param>
public sealed record ActivityError(string Error, string Cause, string ActivityId)
{
    /// <summary>Matches every error in <c>errorEquals</c>.</summary>
    public const string All = "States.ALL";

    /// <summary>The activity ran past its <c>timeout</c>.</summary>
    public const string Timeout = "States.Timeout";

    /// <summary>Matches every error except <see cref="Timeout"/>; also the name of unexpected exceptions.</summary>
    public const string TaskFailed = "States.TaskFailed";

    /// <summary>An input could not be evaluated or bound (expression error, wrong type).</summary>
    public const string InputError = "States.InputError";
}
