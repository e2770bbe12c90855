namespace DataPrepWorkflows.Runtime.Events;

/// <summary>The input given as an event is not an EventBridge event; the caller's mistake, reported as such.</summary>
public sealed class InvalidEventException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidEventException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidEventException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
