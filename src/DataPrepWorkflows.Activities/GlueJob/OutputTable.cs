using System.Globalization;
using DataPrepWorkflows.Activities.Crawl;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.DataPlane.Datasets;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// Registers what a SQL job wrote as a catalog table (Glue's <c>enableUpdateCatalog</c>): columns from the result,
/// partition keys from <c>--partition_by</c>, the format's SerDe, and one partition per <c>key=value</c> folder.
/// The table is created, or updated (a new version) when its definition changed.
/// </summary>
internal sealed class OutputTable(ICatalog catalog)
{
    public async Task RegisterAsync(
        QualifiedTableName name,
        string location,
        DatasetSchema schema,
        IReadOnlyList<string> partitionBy,
        DatasetWriteResult written,
        CancellationToken cancellationToken)
    {
        if (await catalog.FindDatabaseAsync(name.Database, cancellationToken).ConfigureAwait(false) is null)
        {
            await catalog.CreateDatabaseAsync(new DatabaseInput { Name = name.Database }, cancellationToken).ConfigureAwait(false);
        }

        var isPartition = partitionBy.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var columns = schema.Columns.Where(c => !isPartition.Contains(c.Name)).Select(c => new Column { Name = c.Name.ToLowerInvariant(), Type = c.GlueType }).ToList();
        var keys = partitionBy.Select(k => new Column { Name = k.ToLowerInvariant(), Type = schema.Find(k)?.GlueType ?? "string" }).ToList();
        var csv = written.Format == DatasetFormat.Csv;
        var format = csv ? TableFormat.Csv(',', quoted: true) : TableFormat.Parquet();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TableParameters.Classification] = format.Classification,
            [TableParameters.CompressionType] = csv ? "none" : "snappy",
            [TableParameters.TypeOfData] = "file",
            [TableParameters.RecordCount] = written.Rows.ToString(CultureInfo.InvariantCulture),
            [TableParameters.ObjectCount] = written.Files.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (csv)
        {
            parameters[TableParameters.Delimiter] = ",";
            parameters[TableParameters.SkipHeaderLineCount] = "1";
        }

        var input = new TableInput
        {
            Name = name.Table,
            TableType = Table.ExternalTable,
            StorageDescriptor = format.Describe(location, columns),
            PartitionKeys = keys,
            Parameters = parameters,
        };
        var current = await catalog.FindTableAsync(name.Database, name.Table, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            await catalog.CreateTableAsync(name.Database, input, cancellationToken).ConfigureAwait(false);
        }
        else if (TableChange.Describe(current, input) is not null)
        {
            await catalog.UpdateTableAsync(name.Database, input, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (keys.Count > 0)
        {
            var partitions = PartitionFolders(location, written.Files, keys.Count)
                .Select(p => new PartitionInput { Values = p.Values, StorageDescriptor = format.Describe(p.Location, columns) })
                .ToList();
            if (partitions.Count > 0)
            {
                // Partitions that already exist come back as errors and are left as they are.
                await catalog.BatchCreatePartitionAsync(name.Database, name.Table, partitions, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static IEnumerable<(List<string> Values, string Location)> PartitionFolders(string location, IReadOnlyList<string> files, int depth) =>
        files.Select(f => f.Replace('\\', '/'))
            .Select(f => f.Split('/'))
            .Where(parts => parts.Length > depth)
            .Select(parts => parts[^(depth + 1)..^1])
            .Where(segments => segments.All(s => s.Contains('=', StringComparison.Ordinal)))
            .Select(segments => (Values: segments.Select(PartitionNaming.HiveValue).ToList(), Location: location.TrimEnd('/') + "/" + string.Join('/', segments) + "/"))
            .DistinctBy(p => p.Location);
}
