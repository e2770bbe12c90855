namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>
/// How delimited text is read or written. Anything left <see langword="null"/> is detected by DuckDB's CSV sniffer
/// (delimiter, quoting, header, column types) when reading, or takes DuckDB's default when writing.
/// </summary>
public sealed record CsvOptions
{
    /// <summary>The field delimiter, e.g. <c>,</c>, <c>;</c>, <c>|</c> or a tab.</summary>
    public string? Delimiter { get; init; }

    /// <summary>The quote character.</summary>
    public string? Quote { get; init; }

    /// <summary>The character that escapes a quote inside a quoted field.</summary>
    public string? Escape { get; init; }

    /// <summary>Whether the first line holds column names.</summary>
    public bool? Header { get; init; }

    /// <summary>The text encoding: <c>utf-8</c> (default), <c>utf-16</c> or <c>latin-1</c>.</summary>
    public string? Encoding { get; init; }

    /// <summary>The text that stands for NULL (default: an empty field).</summary>
    public string? NullString { get; init; }

    /// <summary>Rows the sniffer samples to decide types; <c>-1</c> samples the whole file.</summary>
    public int? SampleSize { get; init; }

    /// <summary>Read every column as text instead of detecting types.</summary>
    public bool AllText { get; init; }

    /// <summary>Explicit column names and DuckDB types, in file order; turns type detection off for them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Columns { get; init; }
}
