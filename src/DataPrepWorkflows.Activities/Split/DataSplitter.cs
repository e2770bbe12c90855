using System.Globalization;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Split;

/// <summary>
/// Splits a dataset into train, validation and test files on DuckDB: by shares, stratified by a label, grouped by a key
/// so no group spans two splits, or by time (oldest rows train). Deterministic under <see cref="SplitOptions.Seed"/>.
/// </summary>
public static class DataSplitter
{
    private const string Table = "dataprep_split";

    /// <summary>Splits <paramref name="dataset"/> and writes <c>train</c>, <c>validation</c> and <c>test</c> files into <paramref name="folder"/>.</summary>
    /// <param name="session">The session the dataset belongs to (a table named <c>dataprep_split</c> is created in it).</param>
    /// <param name="dataset">The data.</param>
    /// <param name="folder">The local output folder.</param>
    /// <param name="options">Shares, seed and the label, group or time column.</param>
    /// <param name="cancellationToken">Interrupts the queries.</param>
    /// <returns>Each split's path, row count and label counts.</returns>
    /// <exception cref="FormatException">The options do not fit the data; the message names the option.</exception>
    /// <exception cref="DatasetException">The data cannot be read or written.</exception>
    public static async Task<SplitResult> SplitAsync(DuckDbSession session, Dataset dataset, string folder, SplitOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        var cuts = Cuts(options);
        var schema = await dataset.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (option, column) in new[] { ("labelColumn", options.LabelColumn), ("groupColumn", options.GroupColumn), ("timeColumn", options.TimeColumn) })
        {
            if (column is not null && schema.Find(column) is null)
            {
                throw new FormatException($"{option}: the data has no column '{column}'; its columns are {string.Join(", ", schema.Columns.Select(c => c.Name))}.");
            }
        }

        if (options.TimeColumn is not null && options.GroupColumn is not null)
        {
            // With a time column, labelColumn only reports balance: time order decides every row's split.
            throw new FormatException("timeColumn: a time-based split orders rows by time alone; leave groupColumn out.");
        }

        var extension = options.Format.ToLowerInvariant() switch
        {
            "parquet" or "csv" or "json" => options.Format.ToLowerInvariant(),
            _ => throw new FormatException($"format: '{options.Format}' is not an output format; use parquet, csv or json."),
        };

        await session.ExecuteAsync($"CREATE OR REPLACE TABLE {Table} AS {SplitAssignment.Build(dataset.Relation, options, cuts)}", cancellationToken).ConfigureAwait(false);
        var balance = await LabelCountsAsync(session, options.LabelColumn, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(folder);
        var parts = new List<SplitPart>();
        foreach (var (name, share) in new[] { ("train", options.Train), ("validation", options.Validation), ("test", options.Test) })
        {
            if (share <= 0)
            {
                continue;
            }

            var path = Path.Combine(folder, $"{name}.{extension}");
            var written = await session.Sql($"SELECT * EXCLUDE ({SplitAssignment.SplitColumn}) FROM {Table} WHERE {SplitAssignment.SplitColumn} = '{name}'")
                .WriteAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            parts.Add(new SplitPart(name, path, written.Rows, balance.GetValueOrDefault(name) ?? new Dictionary<string, long>()));
        }

        await session.ExecuteAsync($"DROP TABLE IF EXISTS {Table}", cancellationToken).ConfigureAwait(false);
        return new SplitResult(parts);
    }

    private static (double Train, double Validation) Cuts(SplitOptions options)
    {
        if (options.Train < 0 || options.Validation < 0 || options.Test < 0 || !double.IsFinite(options.Train + options.Validation + options.Test) || options.Train + options.Validation + options.Test <= 0)
        {
            throw new FormatException("ratios: train, validation and test must be zero or positive numbers, and not all zero (e.g. 0.7, 0.15, 0.15).");
        }

        // Shares are normalised, so 70/15/15 and 0.7/0.15/0.15 mean the same.
        var total = options.Train + options.Validation + options.Test;
        return (options.Train / total, (options.Train + options.Validation) / total);
    }

    private static async Task<Dictionary<string, Dictionary<string, long>>> LabelCountsAsync(DuckDbSession session, string? label, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        if (label is null)
        {
            return result;
        }

        var rows = await session.QueryAsync(
            $"SELECT {SplitAssignment.SplitColumn}, coalesce(CAST({SplitAssignment.Q(label)} AS VARCHAR), 'null'), count(*)::BIGINT FROM {Table} GROUP BY ALL ORDER BY ALL",
            cancellationToken).ConfigureAwait(false);
        foreach (var row in rows.Rows)
        {
            var split = (string)row[0]!;
            if (!result.TryGetValue(split, out var counts))
            {
                result[split] = counts = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            counts[(string)row[1]!] = Convert.ToInt64(row[2], CultureInfo.InvariantCulture);
        }

        return result;
    }
}
