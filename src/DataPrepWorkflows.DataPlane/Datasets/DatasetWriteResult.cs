namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>What a write produced.</summary>
/// <param name="Path">The file, or the folder for a partitioned write.</param>
/// <param name="Format">The format written.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Files">Files written, in ordinal order.</param>
public sealed record DatasetWriteResult(string Path, DatasetFormat Format, long Rows, IReadOnlyList<string> Files);
