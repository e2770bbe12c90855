using DataPrepWorkflows.Catalog;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// The offline store's catalog table, shaped as Feature Store's Glue integration creates it: an external Parquet table
/// at the resolved offline URI, the features plus <c>write_time</c>, <c>api_invocation_time</c> and <c>is_deleted</c>,
/// partitioned by <c>year</c>, <c>month</c>, <c>day</c>, <c>hour</c> strings.
/// </summary>
internal static class OfflineTable
{
    public static readonly IReadOnlyList<string> PartitionKeys = ["year", "month", "day", "hour"];

    public static TableInput Input(RegisteredFeatureGroup group) => new()
    {
        Name = group.CatalogTable,
        Description = group.Definition.Description,
        TableType = Table.ExternalTable,
        Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["EXTERNAL"] = "TRUE", [TableParameters.Classification] = "parquet" },
        PartitionKeys = PartitionKeys.Select(k => new Column { Name = k, Type = "string" }).ToArray(),
        StorageDescriptor = Storage(group.ResolvedOutputS3Uri!, Columns(group.Definition)),
    };

    public static IReadOnlyList<Column> Columns(FeatureGroupDefinition group) =>
    [
        .. group.FeatureDefinitions.Select(f => new Column { Name = f.FeatureName.ToLowerInvariant(), Type = f.GlueType }),
        new Column { Name = "write_time", Type = "timestamp" },
        new Column { Name = "api_invocation_time", Type = "timestamp" },
        new Column { Name = "is_deleted", Type = "boolean" },
    ];

    /// <summary>Creates the database and table when missing and registers the partitions of <paramref name="files"/>.</summary>
    public static async Task EnsureAsync(ICatalog catalog, RegisteredFeatureGroup group, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        if (await catalog.FindDatabaseAsync(group.CatalogDatabase, cancellationToken).ConfigureAwait(false) is null)
        {
            await catalog.CreateDatabaseAsync(new DatabaseInput { Name = group.CatalogDatabase, Description = "Feature Store offline tables" }, cancellationToken).ConfigureAwait(false);
        }

        var input = Input(group);
        if (await catalog.FindTableAsync(group.CatalogDatabase, group.CatalogTable, cancellationToken).ConfigureAwait(false) is null)
        {
            await catalog.CreateTableAsync(group.CatalogDatabase, input, cancellationToken).ConfigureAwait(false);
        }

        var partitions = files.Select(OfflineStoreWriter.PartitionValues)
            .DistinctBy(values => string.Join('/', values))
            .Select(values => new PartitionInput
            {
                Values = values,
                StorageDescriptor = input.StorageDescriptor! with
                {
                    Location = $"{group.ResolvedOutputS3Uri}/year={values[0]}/month={values[1]}/day={values[2]}/hour={values[3]}",
                },
            })
            .ToArray();
        if (partitions.Length > 0)
        {
            // Partitions already registered by an earlier ingestion come back as AlreadyExists errors, which is the goal.
            var errors = await catalog.BatchCreatePartitionAsync(group.CatalogDatabase, group.CatalogTable, partitions, cancellationToken).ConfigureAwait(false);
            var unexpected = errors.FirstOrDefault(e => e.ErrorDetail.ErrorCode != CatalogErrorCodes.AlreadyExists);
            if (unexpected is not null)
            {
                throw new FeatureStoreException(FeatureStoreErrors.ValidationError, $"the catalog refused partition {string.Join('/', unexpected.PartitionValues)} of {group.OfflineTable}: {unexpected.ErrorDetail.ErrorMessage}");
            }
        }
    }

    private static StorageDescriptor Storage(string location, IReadOnlyList<Column> columns) => new()
    {
        Columns = columns,
        Location = location,
        InputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
        OutputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
        Compressed = false,
        NumberOfBuckets = -1,
        SerdeInfo = new SerDeInfo
        {
            SerializationLibrary = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["serialization.format"] = "1" },
        },
        StoredAsSubDirectories = false,
    };
}
