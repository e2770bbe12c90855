namespace DataPrepWorkflows.Engine.Activities;

/// <summary>Thrown by an activity to fault with an error name that <c>retry</c> and <c>catch</c> can match.</summary>
public sealed class ActivityFaultException : Exception
{
    /// <summary>Creates the fault.</summary>
    /// <param name="error">Error name, for example <c>Glue.JobRunFailed</c>.</param>
    /// <param name="message">What went wrong and what to do.</param>
    public ActivityFaultException(string error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the fault with an inner exception.</summary>
    public ActivityFaultException(string error, string message, Exception inner)
        : base(message, inner) => Error = error;

    /// <summary>Error name matched by <c>errorEquals</c>.</summary>
    public string Error { get; }
}
