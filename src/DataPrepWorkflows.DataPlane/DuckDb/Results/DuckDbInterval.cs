namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>A DuckDB INTERVAL: months, days and microseconds are kept apart, as DuckDB does.</summary>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
/// <param name="Micros">Microseconds.</param>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros);
