using System.Globalization;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// The fast way in for a plain CSV file: <see cref="CsvTupleScanner"/> counts the distinct tuples of the needed columns
/// straight from the bytes, and the tuples are given the types DuckDB's reader would have given the columns. When the
/// file's head and the tuples leave DuckDB's sniffer no choice (<see cref="PlainCsvHead"/>, <see cref="TupleTypes"/>),
/// the dialect and types are decided in process; otherwise the sniffer decides the dialect, header and types exactly
/// as it does when DuckDB reads the file. Returns <see langword="null"/> whenever the file is not plain enough, and the
/// caller reads it with DuckDB.
/// </summary>
internal static class BiasCsvLoad
{
    private static readonly string[] CastableTypes = ["VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN"];

    private static readonly string[] CompressedExtensions = [".gz", ".gzip", ".zst", ".zstd", ".bz2", ".xz", ".zip"];

    // sniffInProcess: whether to try PlainCsvHead and TupleTypes before DuckDB's sniffer (tests turn it off to compare the two).
    public static async Task<(List<string> Needed, List<string> Columns)?> TryLoadAsync(DuckDbSession session, BiasConfig config, string dataPath, string table, CancellationToken cancellationToken, bool sniffInProcess = true)
    {
        if (config.DatasetType is "application/jsonlines" or "application/x-parquet" || !File.Exists(dataPath)
            || CompressedExtensions.Contains(Path.GetExtension(dataPath), StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var early = sniffInProcess && config.Headers is null ? await ScanPlainAsync(config, dataPath, cancellationToken).ConfigureAwait(false) : null;
        if (early is { Types: { } decided })
        {
            // The sniffer could only have said the same: skip it (after the scan, its sampling pass is most of what is left).
            await CreateTypedAsync(session, table, dataPath, config, early.Columns, decided, early.Tuples, cancellationToken).ConfigureAwait(false);
            return (early.Needed, early.Columns);
        }

        var sniff = await SniffAsync(session, dataPath, header: null, cancellationToken).ConfigureAwait(false);
        if (sniff is null)
        {
            return null;
        }

        if (config.Headers is { } headers && !sniff.Names.SequenceEqual(headers, StringComparer.Ordinal))
        {
            // Clarify's CSV datasets carry no header row when headers are configured: name the columns by position.
            sniff = await SniffAsync(session, dataPath, header: false, cancellationToken).ConfigureAwait(false);
            if (sniff is null || sniff.Names.Count != headers.Count)
            {
                return null;
            }

            sniff = sniff with { Names = headers };
        }

        var positions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in sniff.Names)
        {
            if (!positions.TryAdd(name, name))
            {
                return null;
            }
        }

        var (needed, columns) = BiasDataTable.Needed(positions, config);
        var fields = columns.Select(c => sniff.Names.ToList().IndexOf(c)).ToList();
        var types = fields.Select(f => sniff.Types[f]).ToList();
        if (sniff.Names.Count < 2 || types.Any(t => !CastableTypes.Contains(t, StringComparer.Ordinal)))
        {
            return null;
        }

        // A scan of the same dialect and columns from the in-process attempt counts the same tuples: reuse it.
        var tuples = early is not null && early.Head.Delimiter == sniff.Delimiter && sniff.HasHeader && sniff.Quote is 0 or (byte)'"' or (byte)'\''
            && early.Head.Names.SequenceEqual(sniff.Names, StringComparer.Ordinal) && early.Columns.SequenceEqual(columns, StringComparer.Ordinal)
            ? early.Tuples
            : await Task.Run(() => CsvTupleScanner.TryScan(dataPath, sniff.Delimiter, sniff.Quote, sniff.HasHeader, sniff.Names.Count, fields, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (tuples is null)
        {
            return null;
        }

        await CreateTypedAsync(session, table, dataPath, config, columns, types, tuples, cancellationToken).ConfigureAwait(false);
        return (needed, columns);
    }

    /// <summary>
    /// The in-process way: the dialect from the file's head, the tuples, and their types when certain. Null when the
    /// head is not plain, a configured column is not among its names (DuckDB's path then reports it), or the scan
    /// gives up; <see cref="EarlyScan.Types"/> is null when only the types are uncertain.
    /// </summary>
    private static async Task<EarlyScan?> ScanPlainAsync(BiasConfig config, string dataPath, CancellationToken cancellationToken)
    {
        var head = PlainCsvHead.TryRead(dataPath);
        if (head is null)
        {
            return null;
        }

        List<string> needed, columns;
        try
        {
            (needed, columns) = BiasDataTable.Needed(head.Names.ToDictionary(n => n, n => n, StringComparer.Ordinal), config);
        }
        catch (BiasCheckException)
        {
            return null;
        }

        var names = head.Names.ToList();
        var fields = columns.Select(c => names.IndexOf(c)).ToList();

        // A quote of any kind ends the scan: with none in the file, the sniffer's quote choice cannot matter.
        var tuples = await Task.Run(() => CsvTupleScanner.TryScan(dataPath, head.Delimiter, (byte)'\'', hasHeader: true, names.Count, fields, cancellationToken), cancellationToken).ConfigureAwait(false);
        return tuples is null ? null : new EarlyScan(head, needed, columns, tuples, TupleTypes.TryDecide(tuples, columns.Count));
    }

    private static async Task CreateTypedAsync(DuckDbSession session, string table, string dataPath, BiasConfig config, List<string> columns, IReadOnlyList<string> types, CsvTuples tuples, CancellationToken cancellationToken)
    {
        try
        {
            await CreateAsync(session, table, columns, tuples, cancellationToken).ConfigureAwait(false);
            if (types.Contains("BOOLEAN"))
            {
                // DuckDB's sniffer reads yes/no, t/f as booleans where pandas keeps text: type the columns as pandas does.
                var text = string.Join(", ", columns.Select(c => $"{ColumnSelection.Identifier(c)} = {PandasCsvTypes.ReadText(ColumnSelection.Identifier(c))}"));
                await session.ExecuteAsync($"UPDATE {table} SET {text}", cancellationToken).ConfigureAwait(false);
                await PandasCsvTypes.ApplyAsync(session, table, columns, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    if (types[i] != "VARCHAR")
                    {
                        var id = ColumnSelection.Identifier(columns[i]);
                        await session.ExecuteAsync($"ALTER TABLE {table} ALTER {id} TYPE {types[i]} USING CAST({id} AS {types[i]})", cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (DataPlane.DuckDb.DuckDbException error)
        {
            await session.ExecuteAsync($"DROP TABLE IF EXISTS {table}", CancellationToken.None).ConfigureAwait(false);
            throw new BiasCheckException(BiasErrors.DataUnreadable, $"data: cannot read '{dataPath}' as {config.DatasetType}: {error.Message}", error);
        }
    }

    private static async Task CreateAsync(DuckDbSession session, string table, List<string> columns, CsvTuples tuples, CancellationToken cancellationToken)
    {
        var definition = string.Join(", ", columns.Select(c => ColumnSelection.Identifier(c) + " VARCHAR"));
        await session.ExecuteAsync($"CREATE TEMP TABLE {table} ({definition}, {BiasDataTable.Weight} BIGINT, {BiasDataTable.FirstRow} BIGINT)", cancellationToken).ConfigureAwait(false);
        await session.RunAsync(
            (connection, _) =>
            {
                using var appender = connection.CreateAppender(table);
                foreach (var (values, count, first) in tuples.Tuples)
                {
                    foreach (var value in values)
                    {
                        appender.Append(value);
                    }

                    appender.Append(count).Append(first).EndRow();
                }

                appender.Close();
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Sniffed?> SniffAsync(DuckDbSession session, string path, bool? header, CancellationToken cancellationToken)
    {
        var options = (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? ", delim = '\t'" : "") + (header is { } h ? $", header = {(h ? "true" : "false")}" : "");
        var sql = "SELECT Delimiter, Quote, NewLineDelimiter, SkipRows, HasHeader, Comment, "
            + "list_transform(Columns, c -> c.name), list_transform(Columns, c -> c.type) "
            + $"FROM sniff_csv({ColumnSelection.Literal(path)}{options})";
        IReadOnlyList<object?> row;
        try
        {
            row = (await session.QueryAsync(sql, cancellationToken).ConfigureAwait(false)).Rows[0];
        }
        catch (DataPlane.DuckDb.DuckDbException)
        {
            return null;
        }

        var delimiter = Unescape(row[0] as string);
        var quote = Unescape(row[1] as string);
        var newline = Unescape(row[2] as string);
        var plain = delimiter is { Length: 1 } && delimiter[0] is > '\0' and < '\u0080' and not ('\n' or '\r' or '"')
            && quote is { Length: <= 1 } && quote is not ['\n' or '\r'] && newline is "\n" or "\r\n"
            && Convert.ToInt64(row[3], CultureInfo.InvariantCulture) == 0 && Unescape(row[5] as string) is { Length: 0 }
            && row[6] is object[] names && row[7] is object[] types && names.Length == types.Length;
        if (!plain)
        {
            return null;
        }

        return new Sniffed(
            (byte)delimiter![0],
            quote is [var q] ? (byte)q : (byte)0,
            row[4] is true,
            [.. ((object[])row[6]!).Select(n => (string)n!)],
            [.. ((object[])row[7]!).Select(t => (string)t!)]);
    }

    /// <summary>The sniffer prints "(empty)" for no character and escapes line breaks.</summary>
    private static string? Unescape(string? text) => text switch
    {
        null => null,
        "(empty)" => "",
        _ => text.Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal),
    };

    private sealed record EarlyScan(PlainCsvHead Head, List<string> Needed, List<string> Columns, CsvTuples Tuples, IReadOnlyList<string>? Types);

    private sealed record Sniffed(byte Delimiter, byte Quote, bool HasHeader, IReadOnlyList<string> Names, IReadOnlyList<string> Types);
}
