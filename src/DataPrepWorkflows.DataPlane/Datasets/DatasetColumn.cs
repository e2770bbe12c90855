using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>A column of a dataset, with its Glue/Hive type name and the DuckDB type behind it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="GlueType">The Glue/Hive type name, e.g. <c>bigint</c> or <c>array&lt;string&gt;</c>.</param>
/// <param name="DuckDbType">The DuckDB type.</param>
public sealed record DatasetColumn(string Name, string GlueType, DuckDbLogicalType DuckDbType);
