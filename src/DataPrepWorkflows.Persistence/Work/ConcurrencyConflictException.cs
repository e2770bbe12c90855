namespace DataPrepWorkflows.Persistence;

/// <summary>
/// A commit lost a race: the instance's revision moved on, the instance already exists, or the node no longer holds
/// the work item's lease. Nothing of the commit was written; the caller drops its in-memory state and lets the
/// current owner continue.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
