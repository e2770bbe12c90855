using System.Globalization;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// SageMaker Clarify's pre-training bias analysis on the local data plane: the dataset is reduced once to the counts
/// of its distinct (label, facets, group) tuples (<see cref="BiasDataTable"/>), DuckDB groups those counts into
/// facet × label (× group) cells per facet, and the metrics are computed from the cells exactly as Clarify does.
/// </summary>
public static class BiasAnalysis
{
    /// <summary>Analyses a dataset and, when <paramref name="outputFolder"/> is given, writes <c>analysis.json</c> and <c>report.html</c> there.</summary>
    /// <param name="session">The DuckDB session to run in.</param>
    /// <param name="config">The analysis configuration (see <see cref="BiasConfigReader"/>).</param>
    /// <param name="dataPath">The local dataset file (CSV, JSON Lines or Parquet, as <see cref="BiasConfig.DatasetType"/> says).</param>
    /// <param name="outputFolder">The local folder for the outputs, or <see langword="null"/> to write nothing.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The reports per facet and the files written.</returns>
    /// <exception cref="BiasCheckException">The configuration does not fit the data (missing column, missing threshold, unreadable file).</exception>
    public static async Task<BiasAnalysisResult> RunAsync(DuckDbSession session, BiasConfig config, string dataPath, string? outputFolder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        var table = await BiasDataTable.LoadAsync(session, config, dataPath, cancellationToken).ConfigureAwait(false);
        try
        {
            var labelName = table.Label;
            var label = table[labelName];
            var labelSelection = label.DataType(config.LabelValuesOrThreshold.Count) == BiasDataType.Continuous
                ? ColumnSelection.Continuous(label, config.LabelValuesOrThreshold, "label_values_or_threshold")
                : ColumnSelection.Categorical(label, config.LabelValuesOrThreshold);
            var group = table.Group is null ? null : ColumnSelection.Identifier(table.Group);
            var reports = new List<BiasFacetReport>();
            for (var i = 0; i < config.Facets.Count; i++)
            {
                var facet = config.Facets[i];
                var column = table[table.Facets[i]];
                reports.AddRange(await FacetReportsAsync(session, table.Name, column, facet, labelSelection.Predicate, group, config.Methods, $"facet[{i}].value_or_threshold", cancellationToken).ConfigureAwait(false));
            }

            var result = new BiasAnalysisResult(labelName, labelSelection.ValueOrThreshold, table.Rows, reports, null, null);
            return outputFolder is null ? result : await WriteAsync(result, outputFolder, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await session.ExecuteAsync($"DROP TABLE IF EXISTS {table.Name}", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Writes <c>analysis.json</c> and <c>report.html</c> for a result into a local folder.</summary>
    public static Task<BiasAnalysisResult> WriteAsync(BiasAnalysisResult result, string outputFolder, CancellationToken cancellationToken = default) =>
        WriteAsync(result, outputFolder, null, cancellationToken);

    internal static async Task<BiasAnalysisResult> WriteAsync(BiasAnalysisResult result, string outputFolder, IReadOnlyList<BiasThreshold>? thresholds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        Directory.CreateDirectory(outputFolder);
        var json = Path.Combine(outputFolder, "analysis.json");
        var html = Path.Combine(outputFolder, "report.html");
        await File.WriteAllTextAsync(json, AnalysisJson.Render(result).ToJsonString(AnalysisJson.Options), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(html, BiasReportHtml.Render(result, thresholds), cancellationToken).ConfigureAwait(false);
        return result with { AnalysisJsonPath = json, ReportPath = html };
    }

    private static async Task<IReadOnlyList<BiasFacetReport>> FacetReportsAsync(
        DuckDbSession session,
        string table,
        ColumnStats column,
        BiasFacetConfig facet,
        string positive,
        string? group,
        IReadOnlyList<string> methods,
        string field,
        CancellationToken cancellationToken)
    {
        var continuous = column.DataType(facet.ValueOrThreshold.Count) == BiasDataType.Continuous;
        var oneVersusRest = !continuous && facet.ValueOrThreshold.Count == 0;
        Selection? selection = oneVersusRest ? null
            : continuous ? ColumnSelection.Continuous(column, facet.ValueOrThreshold, field)
            : ColumnSelection.Categorical(column, facet.ValueOrThreshold);
        var key = selection?.Predicate ?? ColumnSelection.Identifier(column.Name);
        var sql = $"SELECT {positive} AS p, {key} AS f, {group ?? "NULL"} AS g, sum({BiasDataTable.Weight})::BIGINT AS n, min({BiasDataTable.FirstRow}) AS r FROM {table} GROUP BY ALL";
        var rows = (await session.QueryAsync(sql, cancellationToken).ConfigureAwait(false)).Rows;
        if (selection is not null)
        {
            var cells = rows.Select(r => new CountCell((bool)r[0]!, (bool)r[1]!, r[2], Count(r[3]))).ToList();
            return [Report(column.Name, selection.ValueOrThreshold, cells, group is not null, methods)];
        }

        // One versus rest: one report per value, in order of first appearance (pandas' unique()).
        var values = rows.Where(r => r[1] is not null)
            .GroupBy(r => r[1]!)
            .OrderBy(g => g.Min(r => Count(r[4])))
            .Select(g => g.Key)
            .ToList();
        return [.. values.Select(value => Report(
            column.Name,
            PythonText.Clr(value),
            [.. rows.Select(r => new CountCell((bool)r[0]!, Equals(r[1], value), r[2], Count(r[3])))],
            group is not null,
            methods))];
    }

    private static BiasFacetReport Report(string facet, string valueOrThreshold, IReadOnlyList<CountCell> cells, bool hasGroup, IReadOnlyList<string> methods)
    {
        long nd = 0, na = 0, nd1 = 0, na1 = 0;
        foreach (var cell in cells)
        {
            if (cell.InFacet)
            {
                nd += cell.Count;
                nd1 += cell.Positive ? cell.Count : 0;
            }
            else
            {
                na += cell.Count;
                na1 += cell.Positive ? cell.Count : 0;
            }
        }

        return new BiasFacetReport(facet, valueOrThreshold, PretrainingMetrics.Compute(cells, hasGroup, methods), nd, na, nd1, na1);
    }

    private static long Count(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
