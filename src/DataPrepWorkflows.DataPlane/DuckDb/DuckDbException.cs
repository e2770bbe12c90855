namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>
/// DuckDB refused a statement, a binding or an append. <see cref="Exception.Message"/> is DuckDB's own message
/// (for example <c>Parser Error: syntax error at or near "SELEC"</c>), unchanged, so users see what DuckDB says.
/// </summary>
public sealed class DuckDbException : Exception
{
    /// <summary>Creates the exception with DuckDB's message and error kind.</summary>
    /// <param name="message">DuckDB's message.</param>
    /// <param name="kind">DuckDB's error category.</param>
    public DuckDbException(string message, DuckDbErrorKind kind = DuckDbErrorKind.Invalid)
        : base(message) => Kind = kind;

    /// <summary>Creates the exception with a message only.</summary>
    public DuckDbException()
        : this("DuckDB reported an error.")
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DuckDbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>DuckDB's error category (parser, binder, catalog, conversion, IO, …).</summary>
    public DuckDbErrorKind Kind { get; }
}
