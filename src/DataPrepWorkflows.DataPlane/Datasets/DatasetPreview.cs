namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>The first rows of a dataset as text, for display.</summary>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows; each value is DuckDB's text for it, or <see langword="null"/> for NULL.</param>
public sealed record DatasetPreview(IReadOnlyList<DatasetColumn> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);
