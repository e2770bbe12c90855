namespace DataPrepWorkflows.Persistence;

/// <summary>
/// The store cannot be used as configured: an unknown provider, a database that cannot be reached, a database written
/// by a newer build, a migration that failed, a page token that is not one of ours. <see cref="Code"/> is stable
/// (<c>DPS001</c>…) and the message says what to do.
/// </summary>
public sealed class PersistenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PersistenceException()
        : this("DPS000", "The runtime store failed.")
    {
    }

    /// <summary>Creates the exception with a message (code <c>DPS000</c>).</summary>
    public PersistenceException(string message)
        : this("DPS000", message)
    {
    }

    /// <summary>Creates the exception with a message and cause (code <c>DPS000</c>).</summary>
    public PersistenceException(string message, Exception innerException)
        : this("DPS000", message, innerException)
    {
    }

    /// <summary>Creates the exception with a stable code.</summary>
    public PersistenceException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>The stable error code (<c>DPS001</c> unknown provider, <c>DPS002</c> unreachable database,
    /// <c>DPS003</c> database newer than this build, <c>DPS004</c> migration failed, <c>DPS005</c> invalid
    /// configuration, <c>DPS006</c> invalid page token).</summary>
    public string Code { get; }
}
