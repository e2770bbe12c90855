using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>Rows of a query, boxed: for small results such as metrics and samples.</summary>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows, as CLR values (see <see cref="DuckDbVector.GetValue"/>).</param>
public sealed record QueryRows(IReadOnlyList<DuckDbColumn> Columns, IReadOnlyList<object?[]> Rows);
