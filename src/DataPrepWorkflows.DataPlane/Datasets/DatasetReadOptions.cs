namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>How a dataset's files are read.</summary>
public sealed record DatasetReadOptions
{
    /// <summary>The options a plain <c>Open(path)</c> uses: format from the extension, CSV details sniffed.</summary>
    public static DatasetReadOptions Default { get; } = new();

    /// <summary>The file format.</summary>
    /// <value>Defaults to <see cref="DatasetFormat.Auto"/>.</value>
    public DatasetFormat Format { get; init; } = DatasetFormat.Auto;

    /// <summary>CSV details; ignored for other formats.</summary>
    public CsvOptions Csv { get; init; } = new();

    /// <summary>
    /// Turn <c>key=value/</c> folder names into columns.
    /// </summary>
    /// <value><see langword="null"/> lets DuckDB decide from the paths.</value>
    public bool? HivePartitioning { get; init; }

    /// <summary>Match columns of several files by name rather than position.</summary>
    public bool UnionByName { get; init; }

    /// <summary>Add a <c>filename</c> column holding each row's source file.</summary>
    public bool IncludeFileName { get; init; }
}
