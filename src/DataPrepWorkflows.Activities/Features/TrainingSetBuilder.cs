using System.Globalization;
using System.Text;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// Builds a point-in-time-correct training set on DuckDB: for each base row (entity, t) and each group, the features of
/// the newest offline record of that entity with event time ≤ t, so no value from after t leaks in. Offline history is
/// de-duplicated per (identifier, event time) keeping the greatest <c>api_invocation_time</c> then <c>write_time</c>,
/// and every record at or before an identifier's latest delete is dropped, as the SageMaker SDK's dataset builder does.
/// Base rows without a match keep NULL features. See <see cref="PointInTimeGroup"/> for the two ways a group is joined.
/// </summary>
public static class TrainingSetBuilder
{
    /// <summary>Beyond this many base rows per identifier a group is joined by the exact (sort-based) path alone.</summary>
    internal const int DefaultMaxBaseRowsPerIdentifier = 4;

    /// <summary>Builds the training set and writes it to <see cref="TrainingSetRequest.Output"/>.</summary>
    /// <param name="store">The feature store holding the groups.</param>
    /// <param name="request">Base, groups, output, timestamp column, as-of time.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The rows written (one per base row).</returns>
    /// <exception cref="FeatureStoreException">Unknown group, a group without offline store, or a base without the needed columns.</exception>
    public static Task<long> BuildAsync(FeatureStore store, TrainingSetRequest request, CancellationToken cancellationToken = default) =>
        BuildAsync(store, request, DefaultMaxBaseRowsPerIdentifier, cancellationToken);

    /// <summary>Builds the training set, taking the one-pass join for groups whose base rows share an identifier at most <paramref name="maxBaseRowsPerIdentifier"/> times.</summary>
    internal static async Task<long> BuildAsync(FeatureStore store, TrainingSetRequest request, int maxBaseRowsPerIdentifier, CancellationToken cancellationToken)
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

        var ts = FeatureSql.Identifier(timestamp);
        await session.ExecuteAsync(
            "CREATE OR REPLACE TEMP TABLE ts_base AS SELECT *, row_number() OVER () AS __ts_row, coalesce("
            + FeatureSql.EventTimestampFast($"CAST({ts} AS VARCHAR)", FeatureType.String) + $", try_cast({ts} AS TIMESTAMP)) AS __ts_time FROM " + baseSet.Relation,
            cancellationToken).ConfigureAwait(false);
        var select = new StringBuilder("SELECT b.* EXCLUDE (__ts_row, __ts_time)");
        var from = new StringBuilder(" FROM ts_base b");
        var taken = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < groups.Length; i++)
        {
            var group = new PointInTimeGroup(i, groups[i].Definition, folders[i], request.AsOf);
            var picks = await PickAsync(session, group, maxBaseRowsPerIdentifier, cancellationToken).ConfigureAwait(false);
            for (var f = 0; f < group.Features.Count; f++)
            {
                var feature = group.Features[f];
                var name = taken.Add(feature) ? feature : $"{feature}.{i + 1}";
                taken.Add(name);
                select.Append(", struct_extract(g").Append(group.Index).Append(".__ts_rec, 'f").Append(f).Append("') AS ").Append(FeatureSql.Identifier(name));
            }

            from.Append(" LEFT JOIN (").Append(picks).Append(") g").Append(group.Index).Append(" ON b.__ts_row = g").Append(group.Index).Append(".__ts_row");
        }

        var result = await session.Sql(select.Append(from).Append(" ORDER BY b.__ts_row").ToString())
            .WriteAsync(store.Backends.ResolveLocalPath(request.Output), cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Rows;
    }

    // Writes the group's pick tables and returns the query over them. The one-pass join costs about the history times
    // the most base rows one identifier has, so beyond a few such rows the sort-based exact path is the cheaper one.
    private static async Task<string> PickAsync(DuckDbSession session, PointInTimeGroup group, int maxBaseRowsPerIdentifier, CancellationToken cancellationToken)
    {
        var perIdentifier = (await session.QueryAsync(group.MaxBaseRowsPerIdentifierQuery(), cancellationToken).ConfigureAwait(false)).Rows[0][0];
        if (Convert.ToInt64(perIdentifier, CultureInfo.InvariantCulture) > maxBaseRowsPerIdentifier)
        {
            await session.ExecuteAsync(group.ExactSql(onlySpecial: false), cancellationToken).ConfigureAwait(false);
            return group.Picks(fast: false, exact: true);
        }

        // The aggregate's result does not depend on the order rows arrive in, and keeping it costs the scan of many small files dearly.
        await InsertionOrder.IgnoringAsync(session, () => session.ExecuteAsync(group.FastSql(), cancellationToken), cancellationToken).ConfigureAwait(false);
        var special = (await session.QueryAsync($"SELECT count(*) FROM {group.FastTable} WHERE __ts_special", cancellationToken).ConfigureAwait(false)).Rows[0][0];
        var anySpecial = Convert.ToInt64(special, CultureInfo.InvariantCulture) > 0;
        if (anySpecial)
        {
            await session.ExecuteAsync(group.ExactSql(onlySpecial: true), cancellationToken).ConfigureAwait(false);
        }

        return group.Picks(fast: true, exact: anySpecial);
    }
}
