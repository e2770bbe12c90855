using DataPrepWorkflows.Catalog;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>What schema inference learned from a folder's sample files.</summary>
/// <param name="Format">Classification and compression.</param>
/// <param name="Columns">Columns with Glue type names, lower-cased as Glue names them.</param>
/// <param name="Csv">Delimiter, header and quoting for CSV; <see langword="null"/> otherwise.</param>
/// <param name="SampledRows">Rows in the files read.</param>
/// <param name="SampledBytes">Bytes of the files read.</param>
internal sealed record FolderSchema(FileClassification Format, IReadOnlyList<Column> Columns, CsvDialect? Csv, long SampledRows, long SampledBytes)
{
    /// <summary>Share of column names two schemas must have in common to be one table, as Glue's similarity rule.</summary>
    public const double SimilarityThreshold = 0.7;

    /// <summary>
    /// Whether data with this schema and <paramref name="other"/> belong in one table: same classification (and CSV
    /// dialect), and the column names of one contain the other's (columns added over time) or mostly overlap.
    /// </summary>
    public bool IsCompatibleWith(FolderSchema other)
    {
        if (Format.Classification != other.Format.Classification || Csv != other.Csv)
        {
            return false;
        }

        var mine = Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var theirs = other.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var common = mine.Count(theirs.Contains);
        var union = mine.Count + theirs.Count - common;
        return common == mine.Count || common == theirs.Count || (union > 0 && (double)common / union >= SimilarityThreshold);
    }

    /// <summary>The schema covering both: columns in first-seen order, types widened where they differ.</summary>
    public FolderSchema MergeWith(FolderSchema other) => this with
    {
        Columns = SchemaMerge.Merge(Columns, other.Columns),
        SampledRows = SampledRows + other.SampledRows,
        SampledBytes = SampledBytes + other.SampledBytes,
    };
}

/// <summary>How a CSV folder's files are written.</summary>
/// <param name="Delimiter">The field delimiter.</param>
/// <param name="HasHeader">Whether the first line names the columns.</param>
/// <param name="Quoted">Whether values are enclosed in double quotes.</param>
internal sealed record CsvDialect(char Delimiter, bool HasHeader, bool Quoted);
