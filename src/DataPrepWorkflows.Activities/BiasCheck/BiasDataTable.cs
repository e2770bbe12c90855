using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// The columns the analysis needs (label, facets, group variable) reduced once to a temporary DuckDB table of their
/// distinct value tuples, each with its row count (<see cref="Weight"/>) and first row (<see cref="FirstRow"/>), so
/// every later statistic reads a few hundred rows instead of the dataset; with each column's type-detection
/// statistics. Plain CSV files are reduced by <see cref="CsvTupleScanner"/> without a typed load.
/// </summary>
internal sealed class BiasDataTable
{
    private readonly Dictionary<string, ColumnStats> _stats;

    private BiasDataTable(string name, Dictionary<string, ColumnStats> stats, long rows, IReadOnlyList<string> needed, bool hasGroup)
    {
        Name = name;
        _stats = stats;
        Rows = rows;
        Label = needed[0];
        Facets = [.. needed.Skip(1).Take(needed.Count - 1 - (hasGroup ? 1 : 0))];
        Group = hasGroup ? needed[^1] : null;
    }

    /// <summary>The label column's name.</summary>
    public string Label { get; }

    /// <summary>The facet columns' names, one per configured facet.</summary>
    public IReadOnlyList<string> Facets { get; }

    /// <summary>The group variable's column name, or <see langword="null"/>.</summary>
    public string? Group { get; }

    /// <summary>The temporary table's name.</summary>
    public string Name { get; }

    /// <summary>Rows in the dataset.</summary>
    public long Rows { get; }

    /// <summary>The column holding each tuple's row count.</summary>
    public static string Weight => "__bias_n";

    /// <summary>The column holding each tuple's first row (0-based), for first-appearance order.</summary>
    public static string FirstRow => "__bias_r";

    /// <summary>The statistics of a loaded column.</summary>
    public ColumnStats this[string column] => _stats[column];

    /// <summary>Loads the columns the configuration names and measures them.</summary>
    public static async Task<BiasDataTable> LoadAsync(DuckDbSession session, BiasConfig config, string dataPath, CancellationToken cancellationToken)
    {
        var table = "bias_data_" + Guid.NewGuid().ToString("N");
        var loaded = await BiasCsvLoad.TryLoadAsync(session, config, dataPath, table, cancellationToken).ConfigureAwait(false)
            ?? await LoadRowsAsync(session, config, dataPath, table, cancellationToken).ConfigureAwait(false);
        return await MeasureAsync(session, config, table, loaded.Needed, loaded.Columns, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The names the configuration references, in order (label, facets, group), and the distinct columns.</summary>
    public static (List<string> Needed, List<string> Columns) Needed(IReadOnlyDictionary<string, string> names, BiasConfig config)
    {
        var needed = new List<string> { Resolve(names, config.Label, "label") };
        for (var i = 0; i < config.Facets.Count; i++)
        {
            needed.Add(Resolve(names, config.Facets[i].NameOrIndex, $"facet[{i}].name_or_index"));
        }

        if (config.GroupVariable is { } group)
        {
            needed.Add(Resolve(names, group, "group_variable"));
        }

        return (needed, needed.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Any dataset DuckDB reads: the columns copied row by row, then reduced to their distinct tuples.</summary>
    private static async Task<(List<string> Needed, List<string> Columns)> LoadRowsAsync(DuckDbSession session, BiasConfig config, string dataPath, string table, CancellationToken cancellationToken)
    {
        var (dataset, names, booleans) = await OpenAsync(session, config, dataPath, allText: false, cancellationToken).ConfigureAwait(false);
        var (needed, columns) = Needed(names, config);
        var csv = dataset.Format == DatasetFormat.Csv && columns.Any(booleans.Contains);
        if (csv)
        {
            // DuckDB's sniffer reads yes/no, t/f as booleans where pandas keeps text: type those columns as pandas does.
            (dataset, names, _) = await OpenAsync(session, config, dataPath, allText: true, cancellationToken).ConfigureAwait(false);
        }

        var rows = table + "_rows";
        var select = string.Join(", ", columns.Select(c =>
        {
            var source = ColumnSelection.Identifier(names[c]);
            return $"{(csv ? PandasCsvTypes.ReadText(source) : source)} AS {ColumnSelection.Identifier(c)}";
        }));
        try
        {
            await session.ExecuteAsync($"CREATE TEMP TABLE {rows} AS SELECT {select} FROM {dataset.Relation}", cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync(
                $"CREATE TEMP TABLE {table} AS SELECT {string.Join(", ", columns.Select(ColumnSelection.Identifier))}, count(*) AS {Weight}, min(rowid) AS {FirstRow} FROM {rows} GROUP BY ALL; DROP TABLE {rows}",
                cancellationToken).ConfigureAwait(false);
            if (csv)
            {
                await PandasCsvTypes.ApplyAsync(session, table, columns, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is DatasetException or DataPlane.DuckDb.DuckDbException)
        {
            await session.ExecuteAsync($"DROP TABLE IF EXISTS {rows}; DROP TABLE IF EXISTS {table}", CancellationToken.None).ConfigureAwait(false);
            throw new BiasCheckException(BiasErrors.DataUnreadable, $"data: cannot read '{dataPath}' as {config.DatasetType}: {error.Message}", error);
        }

        return (needed, columns);
    }

    private static async Task<BiasDataTable> MeasureAsync(DuckDbSession session, BiasConfig config, string table, List<string> needed, List<string> columns, CancellationToken cancellationToken)
    {
        var types = await session.QueryAsync($"SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = {ColumnSelection.Literal(table)}", cancellationToken).ConfigureAwait(false);
        var typeOf = types.Rows.ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
        string Rows(string? where) => $"coalesce(sum({Weight}){(where is null ? "" : $" FILTER (WHERE {where})")}, 0)::BIGINT";
        var measures = new List<string> { Rows(null) };
        foreach (var column in columns)
        {
            var id = ColumnSelection.Identifier(column);
            var type = typeOf[column];
            var numeric = type is "FLOAT" or "DOUBLE" || type.StartsWith("DECIMAL", StringComparison.Ordinal) || type.EndsWith("INT", StringComparison.Ordinal) || type is "INTEGER" or "UINTEGER";
            var text = type == "VARCHAR";
            measures.Add(Rows($"{id} IS NOT NULL"));
            measures.Add($"count(DISTINCT {id})");
            measures.Add(text ? Rows($"{id} IS NOT NULL AND NOT {PandasCsvTypes.IsInteger(id)}") : numeric ? "0" : Rows($"{id} IS NOT NULL"));
            measures.Add(numeric ? $"max({id})::DOUBLE" : text ? $"max(TRY_CAST({id} AS BIGINT))::DOUBLE" : "NULL::DOUBLE");
        }

        var row = (await session.QueryAsync($"SELECT {string.Join(", ", measures)} FROM {table}", cancellationToken).ConfigureAwait(false)).Rows[0];
        var rows = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
        var stats = new Dictionary<string, ColumnStats>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var at = 1 + (i * 4);
            stats[columns[i]] = new ColumnStats(
                columns[i],
                typeOf[columns[i]],
                rows,
                Convert.ToInt64(row[at], CultureInfo.InvariantCulture),
                Convert.ToInt64(row[at + 1], CultureInfo.InvariantCulture),
                Convert.ToInt64(row[at + 2], CultureInfo.InvariantCulture),
                row[at + 3] is null ? null : Convert.ToDouble(row[at + 3], CultureInfo.InvariantCulture));
        }

        return new BiasDataTable(table, stats, rows, needed, config.GroupVariable is not null);
    }

    /// <summary>The column a reference names: a column name, or a 0-based index into the columns.</summary>
    public static string Resolve(IReadOnlyDictionary<string, string> names, JsonNode reference, string field)
    {
        var ordered = names.Keys.ToList();
        if (reference is JsonValue value && value.TryGetValue<string>(out var name))
        {
            return names.ContainsKey(name)
                ? name
                : throw new BiasCheckException(BiasErrors.MissingColumn, $"{field}: column '{name}' is not in the dataset (columns: {string.Join(", ", ordered)}).");
        }

        var index = reference.GetValue<int>();
        return index < ordered.Count
            ? ordered[index]
            : throw new BiasCheckException(BiasErrors.MissingColumn, $"{field}: column index {index} is out of range; the dataset has {ordered.Count} columns.");
    }

    private static async Task<(Dataset Dataset, Dictionary<string, string> Names, HashSet<string> Booleans)> OpenAsync(DuckDbSession session, BiasConfig config, string dataPath, bool allText, CancellationToken cancellationToken)
    {
        var format = config.DatasetType switch
        {
            "application/jsonlines" => DatasetFormat.JsonLines,
            "application/x-parquet" => DatasetFormat.Parquet,
            _ => DatasetFormat.Csv,
        };
        try
        {
            var csv = new CsvOptions { AllText = allText };
            var dataset = session.Open(dataPath, new DatasetReadOptions { Format = format, Csv = csv });
            var schema = await dataset.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            var sniffed = schema.Columns.Select(c => c.Name).ToList();
            if (config.Headers is not { } headers || sniffed.SequenceEqual(headers, StringComparer.Ordinal) || format != DatasetFormat.Csv)
            {
                return (dataset, sniffed.ToDictionary(n => n, n => n, StringComparer.Ordinal), Booleans(schema, sniffed));
            }

            // Clarify's CSV datasets carry no header row when headers are configured: name the columns by position.
            dataset = session.Open(dataPath, new DatasetReadOptions { Format = format, Csv = csv with { Header = false } });
            schema = await dataset.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            if (schema.Columns.Count != headers.Count)
            {
                throw new BiasCheckException(BiasErrors.InvalidConfig, $"headers: {headers.Count} names given but '{dataPath}' has {schema.Columns.Count} columns.");
            }

            return (dataset, headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => schema.Columns[p.i].Name, StringComparer.Ordinal), Booleans(schema, headers));
        }
        catch (DatasetException error)
        {
            throw new BiasCheckException(BiasErrors.DataUnreadable, $"data: cannot read '{dataPath}': {error.Message}", error);
        }
    }

    private static HashSet<string> Booleans(DatasetSchema schema, IReadOnlyList<string> names) =>
        [.. names.Where((_, i) => schema.Columns[i].GlueType == "boolean")];
}
