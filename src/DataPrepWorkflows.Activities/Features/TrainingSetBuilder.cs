using System.Globalization;
using System.Text;
using DataPrepWorkflows.DataPlane.Datasets;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// Builds a point-in-time-correct training set on DuckDB: for each base row (entity, t) and each group, the features of
/// the newest offline record of that entity with event time ≤ t (an ASOF join, so no value from after t leaks in).
/// Records sharing an (identifier, event time) count once, keeping the greatest <c>api_invocation_time</c> then
/// <c>write_time</c>, and every record at or before an identifier's latest delete is dropped, as the SageMaker SDK's
/// dataset builder does. Base rows without a match keep NULL features.
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
        sql.Append("CREATE OR REPLACE TEMP TABLE ts_base_keyed AS SELECT *, ").Append(RecordKey("__ts_time", "TIMESTAMP 'infinity'", "TIMESTAMP 'infinity'"))
            .Append(" AS __ts_key FROM ts_base;\n");
        var select = new StringBuilder("SELECT b.* EXCLUDE (__ts_row, __ts_time, __ts_key)");
        var from = new StringBuilder(" FROM ts_base_keyed b");
        var taken = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < groups.Length; i++)
        {
            var definition = groups[i].Definition;
            var view = "ts_fg" + i.ToString(CultureInfo.InvariantCulture);
            var deletes = "ts_del" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(GroupViews(view, deletes, definition, folders[i], request.AsOf)).Append(";\n");
            foreach (var feature in definition.FeatureDefinitions.Where(f => f.FeatureName != definition.RecordIdentifierFeatureName))
            {
                var name = taken.Add(feature.FeatureName) ? feature.FeatureName : $"{feature.FeatureName}.{i + 1}";
                taken.Add(name);
                select.Append(", CASE WHEN g").Append(i).Append(".__ts_event <= x").Append(i).Append(".__ts_deleted THEN NULL ELSE g").Append(i).Append('.')
                    .Append(FeatureSql.Identifier(feature.FeatureName)).Append(" END AS ").Append(FeatureSql.Identifier(name));
            }

            // DuckDB's ASOF inequality orders NULL keys instead of refusing them, so a base row without a time gets no
            // identifier to match on, and records without an event time stay out of the group table.
            var baseId = "CAST(b." + FeatureSql.Identifier(definition.RecordIdentifierFeatureName) + " AS VARCHAR)";
            from.Append(" ASOF LEFT JOIN ").Append(view).Append(" g").Append(i).Append(" ON CASE WHEN b.__ts_key IS NOT NULL THEN ").Append(baseId).Append(" END = g").Append(i)
                .Append(".__ts_id AND b.__ts_key >= g").Append(i).Append(".__ts_key")
                .Append(" LEFT JOIN ").Append(deletes).Append(" x").Append(i).Append(" ON ").Append(baseId).Append(" = x").Append(i).Append(".__ts_id");
        }

        // ts_base is numbered first, in file order; everything after it may append in any order (the output is sorted
        // by that number), which lets DuckDB's threads materialise the offline history markedly faster.
        var setting = await session.QueryAsync("SELECT current_setting('preserve_insertion_order')", cancellationToken).ConfigureAwait(false);
        var preserve = setting.Rows[0][0] is true;
        var statements = sql.ToString();
        var numbered = statements.IndexOf(";\n", StringComparison.Ordinal) + 2;
        await session.ExecuteAsync(statements[..numbered], cancellationToken).ConfigureAwait(false);
        await session.ExecuteAsync("SET preserve_insertion_order = false", cancellationToken).ConfigureAwait(false);
        try
        {
            await session.ExecuteAsync(statements[numbered..], cancellationToken).ConfigureAwait(false);
            var result = await session.Sql(select.Append(from).Append(" ORDER BY b.__ts_row").ToString())
                .WriteAsync(store.Backends.ResolveLocalPath(request.Output), cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.Rows;
        }
        finally
        {
            await session.ExecuteAsync($"SET preserve_insertion_order = {(preserve ? "true" : "false")}", CancellationToken.None).ConfigureAwait(false);
        }
    }

    // One ordering key per record: event time, then the de-duplication tie-breaks. The ASOF join on it picks, among the
    // records at the newest event time ≤ t, the one the per-(identifier, event time) de-duplication keeps, so no window
    // over the whole history is needed.
    private static string RecordKey(string time, string apiInvocation, string write) =>
        $"CASE WHEN {time} IS NOT NULL THEN struct_pack(e := {time}, a := coalesce({apiInvocation}, TIMESTAMP '-infinity'), w := coalesce({write}, TIMESTAMP '-infinity')) END";

    // Records of the group with their key, and per identifier the newest event time whose de-duplicated record is a delete.
    // A match at or before that time is dropped: every record up to an identifier's latest delete is gone, so nothing
    // older can take its place. Only (identifier, event time) pairs holding a delete are de-duplicated for this.
    private static string GroupViews(string view, string deletes, FeatureGroupDefinition definition, string folder, DateTimeOffset? asOf)
    {
        var id = FeatureSql.Identifier(definition.RecordIdentifierFeatureName);
        var eventTime = FeatureSql.EventTimestamp($"CAST({FeatureSql.Identifier(definition.EventTimeFeatureName)} AS VARCHAR)", definition.EventTime.FeatureType);
        var known = asOf is { } t ? " WHERE write_time <= " + FeatureSql.Timestamp(t) : "";
        return $"""
            CREATE OR REPLACE TEMP TABLE {view} AS
            WITH raw AS (
                SELECT *, CAST({id} AS VARCHAR) AS __ts_id, {eventTime} AS __ts_event
                FROM read_parquet({FeatureSql.Literal(Path.Combine(folder, "**", "*.parquet"))}, hive_partitioning = false, union_by_name = true){known})
            SELECT *, {RecordKey("__ts_event", "api_invocation_time", "write_time")} AS __ts_key FROM raw WHERE __ts_event IS NOT NULL;
            CREATE OR REPLACE TEMP TABLE {deletes} AS
            WITH pairs AS (SELECT DISTINCT __ts_id, __ts_event FROM {view} WHERE is_deleted AND __ts_event IS NOT NULL),
            winners AS (
                SELECT r.__ts_id, r.__ts_event, arg_max(r.is_deleted, r.__ts_key) AS __ts_is_deleted
                FROM {view} r JOIN pairs p ON r.__ts_id = p.__ts_id AND r.__ts_event = p.__ts_event
                GROUP BY r.__ts_id, r.__ts_event)
            SELECT __ts_id, max(__ts_event) AS __ts_deleted FROM winners WHERE __ts_is_deleted GROUP BY __ts_id
            """;
    }
}
