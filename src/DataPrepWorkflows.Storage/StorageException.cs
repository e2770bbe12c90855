namespace DataPrepWorkflows.Storage;

/// <summary>
/// A storage error a user can cause or act on (a malformed URI, a missing object or bucket), carrying a stable
/// <see cref="Code"/> from <see cref="StorageErrorCodes"/> and a message that names the URI and what to do.
/// </summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">A code from <see cref="StorageErrorCodes"/>.</param>
    /// <param name="message">What went wrong and what to do.</param>
    public StorageException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the error with the exception that caused it.</summary>
    /// <param name="code">A code from <see cref="StorageErrorCodes"/>.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="inner">The underlying exception.</param>
    public StorageException(string code, string message, Exception inner)
        : base(message, inner) => Code = code;

    /// <summary>Stable error code, for example <c>Storage.NoSuchKey</c>.</summary>
    public string Code { get; }
}
