using System.Text.Json.Nodes;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Profiles a dataset the way a DataBrew profile job does, on DuckDB: the data is read once into a table, then one wide
/// aggregate gives counts, moments and quantiles, one grouped statement gives frequencies, one more wide aggregate gives
/// histograms, outliers and correlations, and one counts duplicate rows.
/// </summary>
public static class DataProfiler
{
    private const string Table = "dataprep_profile_input";

    /// <summary>Profiles <paramref name="dataset"/>.</summary>
    /// <param name="session">The session the dataset belongs to (a table named <c>dataprep_profile_input</c> is created in it).</param>
    /// <param name="dataset">The data.</param>
    /// <param name="configuration">Which columns and statistics; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Interrupts the queries.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="DatasetException">The data cannot be read.</exception>
    public static async Task<DataProfile> ProfileAsync(DuckDbSession session, Dataset dataset, ProfileConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(dataset);
        configuration ??= ProfileConfiguration.Default;
        await session.MaterializeAsync(Table, dataset, cancellationToken).ConfigureAwait(false);
        var schema = await session.Table(Table).GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        var columns = schema.Columns
            .Where(c => ColumnSelector.AnyMatches(configuration.ProfileColumns, c.Name))
            .Select((c, i) => new ProfiledColumn(i, c.Name, c.GlueType, ProfiledColumn.KindOf(c.GlueType), configuration.SettingsFor(c.Name)))
            .ToList();
        var json = columns.ToDictionary(c => c.Index, c => new JsonObject { ["name"] = c.Name, ["type"] = c.GlueType });
        var moments = new Dictionary<int, NumericMoments>();

        var rowCount = await MomentsPass.RunAsync(session, Table, columns, json, moments, cancellationToken).ConfigureAwait(false);
        await FrequencyPass.RunAsync(session, Table, columns, json, cancellationToken).ConfigureAwait(false);
        var correlated = configuration.IncludesDatasetStatistic(ProfileStatistics.Correlation)
            ? columns.Where(c => c.Kind == ColumnKind.Numeric && ColumnSelector.AnyMatches(configuration.CorrelationColumns, c.Name)).ToList()
            : [];
        await DistributionPass.RunAsync(session, Table, columns, correlated, json, moments, cancellationToken).ConfigureAwait(false);

        long? duplicates = null;
        if (configuration.IncludesDatasetStatistic(ProfileStatistics.DuplicateRowsCount))
        {
            var rows = await session.QueryAsync($"SELECT (SELECT count(*) FROM {Table}) - (SELECT count(*) FROM (SELECT DISTINCT * FROM {Table}))", cancellationToken).ConfigureAwait(false);
            duplicates = ProfileValues.Long(rows.Rows[0][0]);
        }

        await session.ExecuteAsync($"DROP TABLE IF EXISTS {Table}", cancellationToken).ConfigureAwait(false);
        var result = new JsonObject
        {
            ["sampleSize"] = rowCount,
            ["rowCount"] = rowCount,
            ["columnCount"] = columns.Count,
        };
        if (duplicates is { } d)
        {
            result["duplicateRowsCount"] = d;
        }

        result["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)json[c.Index])]);
        return new DataProfile(rowCount, columns.Count, duplicates, result);
    }
}
