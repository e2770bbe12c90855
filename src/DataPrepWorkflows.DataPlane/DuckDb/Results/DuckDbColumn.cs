namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>A result column: its name and DuckDB type.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type.</param>
public sealed record DuckDbColumn(string Name, DuckDbLogicalType Type);
