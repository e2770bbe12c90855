using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>A column of a dataset, with its Glue/Hive type name and the DuckDB type behind it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="GlueType">The Glue/Hive type name, e.g. <c>bigint</c> or <c>array&lt;string&gt;</c>.</param>
/// <param name="DuckDbType">The DuckDB type.</param>
public sealed record DatasetColumn(string Name, string GlueType, DuckDbLogicalType DuckDbType);

/// <summary>The columns of a dataset, in order.</summary>
/// <param name="Columns">The columns.</param>
public sealed record DatasetSchema(IReadOnlyList<DatasetColumn> Columns)
{
    /// <summary>The column called <paramref name="name"/> (case-insensitive, as in DuckDB), or <see langword="null"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column.</returns>
    public DatasetColumn? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The first rows of a dataset as text, for display.</summary>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows; each value is DuckDB's text for it, or <see langword="null"/> for NULL.</param>
public sealed record DatasetPreview(IReadOnlyList<DatasetColumn> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>What a write produced.</summary>
/// <param name="Path">The file, or the folder for a partitioned write.</param>
/// <param name="Format">The format written.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Files">Files written, in ordinal order.</param>
public sealed record DatasetWriteResult(string Path, DatasetFormat Format, long Rows, IReadOnlyList<string> Files);

/// <summary>Rows of a query, boxed: for small results such as metrics and samples.</summary>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows, as CLR values (see <see cref="DuckDbVector.GetValue"/>).</param>
public sealed record QueryRows(IReadOnlyList<DuckDbColumn> Columns, IReadOnlyList<object?[]> Rows);
