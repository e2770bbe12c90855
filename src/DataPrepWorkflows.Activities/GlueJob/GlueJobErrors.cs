namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>Error names the <see cref="GlueJobActivity"/> faults with, for <c>retry</c> and <c>catch</c>.</summary>
public static class GlueJobErrors
{
    /// <summary>The job run ended FAILED, TIMEOUT or STOPPED and <c>faultOnFailure</c> is set.</summary>
    public const string JobRunFailed = "Glue.JobRunFailed";

    /// <summary>An input is missing or malformed; the message names the input.</summary>
    public const string InvalidInput = "Glue.InvalidInput";
}

/// <summary>Glue's <c>JobRunState</c> values that a local run ends in.</summary>
internal static class JobRunState
{
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string Timeout = "TIMEOUT";
    public const string Stopped = "STOPPED";
    public const string Running = "RUNNING";
}
