namespace DataPrepWorkflows.DataPlane.Sessions;

/// <summary>How a <see cref="DuckDbSession"/> opens DuckDB.</summary>
public sealed record DuckDbSessionOptions
{
    /// <summary>A database file to keep tables in, or <see langword="null"/> for memory only.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Worker threads DuckDB may use.</summary>
    /// <value><see langword="null"/> uses every core.</value>
    public int? Threads { get; init; }

    /// <summary>DuckDB's memory limit, e.g. <c>4GB</c>.</summary>
    /// <value><see langword="null"/> uses DuckDB's default (80% of RAM).</value>
    public string? MemoryLimit { get; init; }

    /// <summary>Where DuckDB spills to disk when a query exceeds memory.</summary>
    public string? TempDirectory { get; init; }
}
