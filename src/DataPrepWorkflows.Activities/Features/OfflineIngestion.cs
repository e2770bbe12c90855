using System.Text;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>One ingestion on the data plane: stage and check the records, write the offline store, pick the latest per identifier.</summary>
internal static class OfflineIngestion
{
    public sealed record Outcome(long Accepted, IReadOnlyDictionary<string, long> Reasons, IReadOnlyList<string> Files, IReadOnlyList<OnlineRecord> Latest);

    public static Outcome Run(DuckDbConnection connection, IngestionStage stage, string relation, string? dataFolder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var group = stage.Group;
        connection.Execute(stage.CreateSql(relation), cancellationToken);
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long accepted = 0;
        using (var counts = connection.Query($"SELECT {IngestionStage.Reason}, count(*) FROM {IngestionStage.Table} GROUP BY ALL", cancellationToken))
        {
            foreach (var row in counts.ReadAllRows())
            {
                var count = Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture);
                if (row[0] is string reason)
                {
                    reasons[reason] = count;
                }
                else
                {
                    accepted = count;
                }
            }
        }

        IReadOnlyList<string> files = [];
        if (dataFolder is not null && accepted > 0)
        {
            var projection = OfflineStoreWriter.Projection(group, stage.Typed, IngestionStage.Event, now, "false");
            files = OfflineStoreWriter.Write(connection, $"SELECT {projection} FROM {IngestionStage.Table} WHERE {IngestionStage.Reason} IS NULL", dataFolder, cancellationToken);
        }

        var latest = group.EnableOnlineStore && accepted > 0 ? ReadLatest(connection, stage, cancellationToken) : [];
        connection.Execute($"DROP TABLE IF EXISTS {IngestionStage.Table}; DROP TABLE IF EXISTS {OfflineStoreWriter.Output}", cancellationToken);
        return new Outcome(accepted, reasons, files, latest);
    }

    /// <summary>Appends the offline row of a DeleteRecord: identifier and event time, no feature values, <c>is_deleted</c> true.</summary>
    public static async Task<IReadOnlyList<string>> WriteDeleteAsync(
        DataBackends backends, RegisteredFeatureGroup group, string dataFolder, string recordId, string eventTime, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = group.Definition;
        var idIndex = definition.IndexOf(definition.RecordIdentifierFeatureName);
        var eventIndex = definition.IndexOf(definition.EventTimeFeatureName);
        string Typed(int i) => i == idIndex ? Cast(FeatureSql.Literal(recordId), definition.FeatureDefinitions[i])
            : i == eventIndex ? Cast(FeatureSql.Literal(eventTime), definition.FeatureDefinitions[i])
            : $"CAST(NULL AS {definition.FeatureDefinitions[i].DuckDbType})";
        var projection = OfflineStoreWriter.Projection(definition, Typed, FeatureSql.EventTimestamp(FeatureSql.Literal(eventTime), definition.EventTime.FeatureType), now, "true");
        using var session = backends.OpenSession();
        return await session.RunAsync((connection, token) => OfflineStoreWriter.Write(connection, "SELECT " + projection, dataFolder, token), cancellationToken).ConfigureAwait(false);
    }

    private static string Cast(string literal, FeatureDefinition feature) =>
        feature.FeatureType == FeatureType.String ? literal : $"CAST({literal} AS {feature.DuckDbType})";

    private static List<OnlineRecord> ReadLatest(DuckDbConnection connection, IngestionStage stage, CancellationToken cancellationToken)
    {
        var features = stage.Group.FeatureDefinitions;
        var sql = new StringBuilder("SELECT ").Append(IngestionStage.Alias(stage.IdIndex)).Append(", epoch_ms(").Append(IngestionStage.Event).Append(')');
        for (var i = 0; i < features.Count; i++)
        {
            sql.Append(", CAST(").Append(stage.Typed(i)).Append(" AS VARCHAR)");
        }

        sql.Append(" FROM (SELECT *, row_number() OVER (PARTITION BY ").Append(IngestionStage.Alias(stage.IdIndex))
            .Append(" ORDER BY ").Append(IngestionStage.Event).Append(" DESC, ").Append(IngestionStage.Row).Append(" DESC) AS __fs_rank FROM ")
            .Append(IngestionStage.Table).Append(" WHERE ").Append(IngestionStage.Reason).Append(" IS NULL) WHERE __fs_rank = 1");
        var latest = new List<OnlineRecord>();
        using var result = connection.Query(sql.ToString(), cancellationToken);
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                var times = chunk.GetVector(1).GetData<long>();
                for (var row = 0; row < chunk.RowCount; row++)
                {
                    var values = new string?[features.Count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = chunk.GetVector(i + 2).GetString(row);
                    }

                    latest.Add(new OnlineRecord(chunk.GetVector(0).GetString(row)!, times[row], Deleted: false, values));
                }
            }
        }

        return latest;
    }
}
