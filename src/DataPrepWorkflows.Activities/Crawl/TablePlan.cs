using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>A table the crawl decided on: where it is, its merged schema, its partition keys and partitions.</summary>
/// <param name="Name">The table name (prefix included).</param>
/// <param name="Location">The table's folder.</param>
/// <param name="Schema">The merged schema of every partition.</param>
/// <param name="PartitionKeys">Keys, one per folder level below the location.</param>
/// <param name="Partitions">One per data folder; empty for an unpartitioned table.</param>
/// <param name="Folders">Every data folder of the table.</param>
internal sealed record TablePlan(
    string Name,
    S3Uri Location,
    FolderSchema Schema,
    IReadOnlyList<Column> PartitionKeys,
    IReadOnlyList<PartitionPlan> Partitions,
    IReadOnlyList<DataFolder> Folders)
{
    public int ObjectCount => Folders.Sum(f => f.Files.Count);

    public long TotalBytes => Folders.Sum(f => f.TotalBytes);
}

/// <summary>One partition: the values of the keys and the folder holding its files.</summary>
/// <param name="Values">One value per partition key, as text.</param>
/// <param name="Folder">The data folder.</param>
/// <param name="Schema">The folder's own schema, or <see langword="null"/> when it was not sampled.</param>
internal sealed record PartitionPlan(IReadOnlyList<string> Values, DataFolder Folder, FolderSchema? Schema);
