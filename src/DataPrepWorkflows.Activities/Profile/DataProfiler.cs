using System.Text.Json.Nodes;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Profiles a dataset the way a DataBrew profile job does, on DuckDB: the data is read once into a table; each column
/// is then grouped by value once — numeric columns' groups are read into memory, where every moment, quantile,
/// histogram and outlier comes from the distinct values, other columns' groups give their counts and most common
/// values in SQL —; one scan computes all correlations and one counts duplicate rows.
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
        await MaterializeAsync(session, dataset, cancellationToken).ConfigureAwait(false);
        var schema = await session.Table(Table).GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        var columns = schema.Columns
            .Where(c => ColumnSelector.AnyMatches(configuration.ProfileColumns, c.Name))
            .Select((c, i) => new ProfiledColumn(i, c.Name, c.GlueType, ProfiledColumn.KindOf(c.GlueType), configuration.SettingsFor(c.Name)))
            .ToList();
        var json = columns.ToDictionary(c => c.Index, c => new JsonObject { ["name"] = c.Name, ["type"] = c.GlueType });
        var (rowCount, present) = await CountPass.RunAsync(session, Table, columns.Where(c => !c.NeedsValues).ToList(), cancellationToken).ConfigureAwait(false);

        var correlated = new List<CorrelatedColumn>();
        var duplicateCandidates = new DuplicateCandidates();
        var countingDuplicates = configuration.IncludesDatasetStatistic(ProfileStatistics.DuplicateRowsCount);
        var correlating = configuration.IncludesDatasetStatistic(ProfileStatistics.Correlation);
        foreach (var column in columns)
        {
            var target = json[column.Index];
            if (column.Settings.Has(ProfileStatistics.MissingValuesCount))
            {
                // Reserves the key's place: the count is known only once the column's values are grouped.
                target["missingValuesCount"] = null;
            }

            double? mean = null;
            long? unique = null;
            if (column.NeedsValues)
            {
                await ColumnGroups.CreateAsync(session, Table, column, cancellationToken).ConfigureAwait(false);
            }

            if (column.NeedsValues && column.Kind == ColumnKind.Numeric)
            {
                var values = await NumericValuesQuery.ReadAsync(session, cancellationToken).ConfigureAwait(false);
                present[column.Index] = values.Count;
                unique = values.Unique;
                var moments = NumericStatistics.Write(column, values, target);
                mean = moments.Mean;
                if (column.NeedsFrequencies)
                {
                    ValueFrequencies.Of(values, ValueFrequencies.Kept(column.Settings)).Write(column, target);
                }

                NumericDistribution.Write(column, values, moments, target);
            }
            else if (column.NeedsValues)
            {
                var frequencies = await FrequencyQuery.RunAsync(session, column, cancellationToken).ConfigureAwait(false);
                present[column.Index] = frequencies.Present;
                unique = frequencies.Frequencies.Unique;
                if (column.Kind == ColumnKind.Temporal)
                {
                    Put(target, column, ProfileStatistics.Min, "min", frequencies.Min);
                    Put(target, column, ProfileStatistics.Max, "max", frequencies.Max);
                }

                if (column.NeedsFrequencies)
                {
                    frequencies.Frequencies.Write(column, target);
                }
            }

            if (countingDuplicates && unique is { } u)
            {
                await duplicateCandidates.ConsiderAsync(session, column, rowCount, u, cancellationToken).ConfigureAwait(false);
            }

            if (column.Settings.Has(ProfileStatistics.MissingValuesCount))
            {
                target["missingValuesCount"] = rowCount - present[column.Index];
            }

            if (correlating && column.Kind == ColumnKind.Numeric && ColumnSelector.AnyMatches(configuration.CorrelationColumns, column.Name))
            {
                correlated.Add(new CorrelatedColumn(column, mean));
            }
        }

        await CorrelationPass.RunAsync(session, Table, correlated, json, cancellationToken).ConfigureAwait(false);
        long? duplicates = null;
        if (countingDuplicates)
        {
            duplicates = await DuplicateRows.CountAsync(session, Table, schema.Columns.Select(c => ProfiledColumn.Quote(c.Name)), duplicateCandidates, cancellationToken).ConfigureAwait(false);
        }

        await session.ExecuteAsync($"DROP TABLE IF EXISTS {Table}; DROP TABLE IF EXISTS {ColumnGroups.Table}; DROP TABLE IF EXISTS {DuplicateCandidates.Table}", cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Reads the data into the table without keeping the rows in file order: no statistic depends on row order, and
    /// letting DuckDB's threads append as they go makes the read markedly cheaper. The session's setting is restored.
    /// </summary>
    private static Task MaterializeAsync(DuckDbSession session, Dataset dataset, CancellationToken cancellationToken) =>
        InsertionOrder.IgnoringAsync(session, () => session.MaterializeAsync(Table, dataset, cancellationToken), cancellationToken);

    private static void Put(JsonObject target, ProfiledColumn column, string statistic, string name, string? value)
    {
        if (column.Settings.Has(statistic))
        {
            target[name] = value;
        }
    }
}
