namespace DataPrepWorkflows.Catalog;

/// <summary>
/// A catalog error a user can cause or act on, with Glue's error code in <see cref="Code"/> (for example
/// <c>EntityNotFoundException</c>) so the local catalog and the Glue backend fail the same way.
/// </summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">A code from <see cref="CatalogErrorCodes"/>.</param>
    /// <param name="message">What went wrong and what to do.</param>
    public CatalogException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the error with the exception that caused it.</summary>
    /// <param name="code">A code from <see cref="CatalogErrorCodes"/>.</param>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="inner">The underlying exception.</param>
    public CatalogException(string code, string message, Exception inner)
        : base(message, inner) => Code = code;

    /// <summary>Glue's error code.</summary>
    public string Code { get; }
}
