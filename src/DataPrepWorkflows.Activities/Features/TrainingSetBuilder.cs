using System.Globalization;
using System.Text;
using DataPrepWorkflows.DataPlane.Datasets;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// Builds a point-in-time-correct training set on DuckDB: for each base row (entity, t) and each group, the features of
/// the newest offline record of that entity with event time ≤ t (an ASOF join, so no value from after t leaks in).
/// Offline history is first de-duplicated per (identifier, event time) keeping the greatest
/// <c>api_invocation_time</c> then <c>write_time</c>, and every record at or before an identifier's latest delete is
/// dropped, as the SageMaker SDK's dataset builder does. Base rows without a match keep NULL features.
/// </summary>
public static class TrainingSetBuilder
{
    /// <summary>Builds the training set and writes it to <see cref="TrainingSetRequest.Output"/>.</summary>
    /// <param name="store">The feature store holding the groups.</param>
    /// <param name="request">Base, groups, output, timestamp column, as-of time.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The rows written (one per base row).</returns>
    /// <exception cref="FeatureStoreException">Unknown group, a group without offline store, or a base without the needed columns.</exception>
    public static async Task<long> BuildAsync(FeatureStore store, TrainingSetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Groups.Count == 0)
        {
            throw new FeatureStoreException(FeatureStoreErrors.ValidationError, "name at least one feature group to join.");
        }

        var groups = request.Groups.Select(store.Describe).ToArray();
        var folders = new List<string>();
        foreach (var group in groups)
        {
            folders.Add(await store.OfflineFolderAsync(group, cancellationToken).ConfigureAwait(false)
                ?? throw new FeatureStoreException(FeatureStoreErrors.ValidationError, $"feature group '{group.Name}' has no offline store to build a training set from."));
        }

        using var session = store.Backends.OpenSession();
        var baseSet = session.Open(store.Backends.ResolveLocalPath(request.Base), new DatasetReadOptions { Csv = new CsvOptions { AllText = true } });
        var columns = (await baseSet.GetSchemaAsync(cancellationToken).ConfigureAwait(false)).Columns.Select(c => c.Name).ToList();
        var timestamp = request.TimestampColumn ?? groups[0].Definition.EventTimeFeatureName;
        foreach (var needed in groups.Select(g => g.Definition.RecordIdentifierFeatureName).Append(timestamp).Distinct())
        {
            if (!columns.Contains(needed, StringComparer.Ordinal))
            {
                throw new FeatureStoreException(FeatureStoreErrors.DataUnreadable, $"base '{request.Base}' has no column '{needed}'; its columns are {string.Join(", ", columns)}.");
            }
        }

        var sql = new StringBuilder();
        var ts = FeatureSql.Identifier(timestamp);
        sql.Append("CREATE OR REPLACE TEMP TABLE ts_base AS SELECT *, row_number() OVER () AS __ts_row, coalesce(")
            .Append(FeatureSql.EventTimestamp($"CAST({ts} AS VARCHAR)", FeatureType.String)).Append(", try_cast(").Append(ts).Append(" AS TIMESTAMP)) AS __ts_time FROM ")
            .Append(baseSet.Relation).Append(";\n");
        var select = new StringBuilder("SELECT b.* EXCLUDE (__ts_row, __ts_time)");
        var from = new StringBuilder(" FROM ts_base b");
        var taken = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < groups.Length; i++)
        {
            var definition = groups[i].Definition;
            var view = "ts_fg" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(GroupView(view, definition, folders[i], request.AsOf)).Append(";\n");
            foreach (var feature in definition.FeatureDefinitions.Where(f => f.FeatureName != definition.RecordIdentifierFeatureName))
            {
                var name = taken.Add(feature.FeatureName) ? feature.FeatureName : $"{feature.FeatureName}.{i + 1}";
                taken.Add(name);
                select.Append(", g").Append(i).Append('.').Append(FeatureSql.Identifier(feature.FeatureName)).Append(" AS ").Append(FeatureSql.Identifier(name));
            }

            from.Append(" ASOF LEFT JOIN ").Append(view).Append(" g").Append(i).Append(" ON CAST(b.").Append(FeatureSql.Identifier(definition.RecordIdentifierFeatureName))
                .Append(" AS VARCHAR) = g").Append(i).Append(".__ts_id AND b.__ts_time >= g").Append(i).Append(".__ts_event");
        }

        await session.ExecuteAsync(sql.ToString(), cancellationToken).ConfigureAwait(false);
        var result = await session.Sql(select.Append(from).Append(" ORDER BY b.__ts_row").ToString())
            .WriteAsync(store.Backends.ResolveLocalPath(request.Output), cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Rows;
    }

    private static string GroupView(string view, FeatureGroupDefinition definition, string folder, DateTimeOffset? asOf)
    {
        var id = FeatureSql.Identifier(definition.RecordIdentifierFeatureName);
        var eventTime = FeatureSql.EventTimestamp($"CAST({FeatureSql.Identifier(definition.EventTimeFeatureName)} AS VARCHAR)", definition.EventTime.FeatureType);
        var known = asOf is { } t ? " WHERE write_time <= " + FeatureSql.Timestamp(t) : "";
        return $"""
            CREATE OR REPLACE TEMP VIEW {view} AS
            WITH raw AS (
                SELECT *, CAST({id} AS VARCHAR) AS __ts_id, {eventTime} AS __ts_event
                FROM read_parquet({FeatureSql.Literal(Path.Combine(folder, "**", "*.parquet"))}, hive_partitioning = false, union_by_name = true){known}),
            dedup AS (
                SELECT * FROM raw
                QUALIFY row_number() OVER (PARTITION BY __ts_id, __ts_event ORDER BY api_invocation_time DESC, write_time DESC) = 1),
            deletes AS (SELECT __ts_id, max(__ts_event) AS __ts_deleted FROM dedup WHERE is_deleted GROUP BY __ts_id)
            SELECT d.* FROM dedup d LEFT JOIN deletes x ON d.__ts_id = x.__ts_id
            WHERE NOT d.is_deleted AND (x.__ts_deleted IS NULL OR d.__ts_event > x.__ts_deleted)
            """;
    }
}
