namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>
/// A dataset could not be read or written for a reason the user can fix (missing file, unknown format, malformed
/// content, bad option). <see cref="Code"/> is stable; the message names the path and what to do, and carries
/// DuckDB's own explanation when DuckDB gave one.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable code from <see cref="DatasetErrorCodes"/>.</param>
    /// <param name="path">The path involved.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">DuckDB's error, if any.</param>
    public DatasetException(string code, string path, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
        Path = path;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DatasetException()
        : this(DatasetErrorCodes.ReadFailed, string.Empty, "The dataset could not be read.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public DatasetException(string message)
        : this(DatasetErrorCodes.ReadFailed, string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DatasetException(string message, Exception innerException)
        : this(DatasetErrorCodes.ReadFailed, string.Empty, message, innerException)
    {
    }

    /// <summary>The stable error code.</summary>
    public string Code { get; }

    /// <summary>The dataset path involved.</summary>
    public string Path { get; }
}

/// <summary>Stable codes of <see cref="DatasetException"/>.</summary>
public static class DatasetErrorCodes
{
    /// <summary>No file matches the path.</summary>
    public const string NotFound = "DATA001";

    /// <summary>The format cannot be told from the path; pass it explicitly.</summary>
    public const string UnknownFormat = "DATA002";

    /// <summary>DuckDB could not read the files (malformed content, wrong options).</summary>
    public const string ReadFailed = "DATA003";

    /// <summary>DuckDB could not write the output.</summary>
    public const string WriteFailed = "DATA004";

    /// <summary>An option value is not allowed.</summary>
    public const string InvalidOption = "DATA005";
}
