using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// Writes offline-store rows as Feature Store lays them out: Parquet under <c>data/year=YYYY/month=MM/day=DD/hour=HH/</c>
/// (hourly partitions by event time, UTC), each file named <c>&lt;latest event time in it&gt;_&lt;16 random alphanumerics&gt;.parquet</c>.
/// </summary>
internal static class OfflineStoreWriter
{
    public const string Output = "fs_out";
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The projection of a row: the features in their types, then the three columns Feature Store appends, then the partition columns.</summary>
    public static string Projection(FeatureGroupDefinition group, Func<int, string> typedFeature, string eventTimestamp, DateTimeOffset now, string isDeleted)
    {
        var sql = new StringBuilder();
        for (var i = 0; i < group.FeatureDefinitions.Count; i++)
        {
            sql.Append(typedFeature(i)).Append(" AS ").Append(FeatureSql.Identifier(group.FeatureDefinitions[i].FeatureName)).Append(", ");
        }

        var time = FeatureSql.Timestamp(now);
        sql.Append(time).Append(" AS write_time, ").Append(time).Append(" AS api_invocation_time, ").Append(isDeleted).Append(" AS is_deleted, ")
            .Append("strftime(").Append(eventTimestamp).Append(", '%Y') AS \"year\", ")
            .Append("strftime(").Append(eventTimestamp).Append(", '%m') AS \"month\", ")
            .Append("strftime(").Append(eventTimestamp).Append(", '%d') AS \"day\", ")
            .Append("strftime(").Append(eventTimestamp).Append(", '%H') AS \"hour\", ")
            .Append(eventTimestamp).Append(" AS ").Append(IngestionStage.Event);
        return sql.ToString();
    }

    /// <summary>Writes the rows of <paramref name="query"/> (shaped by <see cref="Projection"/>) under <paramref name="dataFolder"/>.</summary>
    /// <returns>The files written, relative to <paramref name="dataFolder"/> with '/' separators.</returns>
    public static IReadOnlyList<string> Write(DuckDbConnection connection, string query, string dataFolder, CancellationToken cancellationToken)
    {
        connection.Execute($"CREATE OR REPLACE TEMP TABLE {Output} AS {query}", cancellationToken);
        var latest = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        using (var result = connection.Query(
            $"SELECT concat('year=', \"year\", '/month=', \"month\", '/day=', \"day\", '/hour=', \"hour\"), max({IngestionStage.Event}) FROM {Output} GROUP BY ALL",
            cancellationToken))
        {
            foreach (var row in result.ReadAllRows())
            {
                latest[(string)row[0]!] = (DateTime)row[1]!;
            }
        }

        if (latest.Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(dataFolder);
        var batch = "fs-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        connection.Execute(
            $"COPY (SELECT * EXCLUDE ({IngestionStage.Event}) FROM {Output}) TO {FeatureSql.Literal(dataFolder)} "
            + $"(FORMAT parquet, COMPRESSION snappy, PARTITION_BY (\"year\", \"month\", \"day\", \"hour\"), OVERWRITE_OR_IGNORE true, FILENAME_PATTERN '{batch}-{{i}}')",
            cancellationToken);

        var written = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dataFolder, batch + "-*.parquet", SearchOption.AllDirectories))
        {
            var partition = Path.GetRelativePath(dataFolder, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var stamp = latest.TryGetValue(partition, out var time) ? time : DateTime.UnixEpoch;
            var name = $"{stamp.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}_{RandomNumberGenerator.GetString(Alphanumerics, 16)}.parquet";
            File.Move(file, Path.Combine(Path.GetDirectoryName(file)!, name));
            written.Add(partition + "/" + name);
        }

        written.Sort(StringComparer.Ordinal);
        return written;
    }

    /// <summary>The partition values (<c>year</c>, <c>month</c>, <c>day</c>, <c>hour</c>) of a file path relative to the data folder.</summary>
    public static IReadOnlyList<string> PartitionValues(string relativeFile) =>
        relativeFile.Split('/')[..4].Select(part => part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]).ToArray();
}
