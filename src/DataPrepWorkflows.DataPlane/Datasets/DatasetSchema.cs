namespace DataPrepWorkflows.DataPlane.Datasets;

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
