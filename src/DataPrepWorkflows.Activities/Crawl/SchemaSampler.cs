using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Schema;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>
/// Infers a folder's schema with DuckDB from up to <c>sampleSize</c> of its files, read together in as few queries as
/// possible (columns added in newer files show up), plus the CSV dialect of the first file.
/// </summary>
internal sealed partial class SchemaSampler(DuckDbSession session, LocalObjectPaths paths)
{
    private const string SampleTable = "crawl_sample";
    private const int SmallFile = 256 * 1024;

    private readonly Dictionary<string, CsvDialect> _dialects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Column>> _types = new(StringComparer.Ordinal);

    public async Task<FolderSchema> InferAsync(DataFolder folder, int? sampleSize, CancellationToken cancellationToken)
    {
        var files = sampleSize is { } n ? folder.Files.Take(n).ToList() : folder.Files;
        var local = await paths.GetAsync(files, cancellationToken).ConfigureAwait(false);
        try
        {
            if (folder.Format.Classification != FileClassification.Csv)
            {
                var list = SqlQuote.List(local);
                var relation = folder.Format.Classification == FileClassification.Json
                    ? $"read_json({list}, union_by_name = true, hive_partitioning = false, format = 'auto')"
                    : $"read_parquet({list}, union_by_name = true, hive_partitioning = false)";
                var (columns, rows) = await ReadAsync(relation, null, cancellationToken).ConfigureAwait(false);
                return new FolderSchema(folder.Format, columns, null, rows, files.Sum(f => f.Size));
            }

            return await InferCsvAsync(folder, files, local, cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            throw new ActivityFaultException(
                CrawlErrors.TargetUnreadable,
                $"Cannot infer the schema of {folder.Uri} as {folder.Format.Classification}: {error.Message} Fix or exclude the files (targets[].exclusions).",
                error);
        }
    }

    /// <summary>
    /// Files sharing a header line share columns, so each such group is one multi-file read with the columns given
    /// (DuckDB then does not sniff file by file, which dominates the cost of many small files), checked against the
    /// expected types. The types come from an earlier folder with the same header, or from sniffing the group's first
    /// file; when a value disagrees with them the group is read again sniffing every file (<c>union_by_name</c>), and
    /// the wider types are kept.
    /// </summary>
    private async Task<FolderSchema> InferCsvAsync(DataFolder folder, IReadOnlyList<Storage.ObjectInfo> files, IReadOnlyList<string> local, CancellationToken cancellationToken)
    {
        var groups = local.GroupBy(HeaderLine, StringComparer.Ordinal).ToList();
        if (!_dialects.TryGetValue(groups[0].Key, out var csv))
        {
            _dialects[groups[0].Key] = csv = await SniffAsync(local[0], cancellationToken).ConfigureAwait(false);
        }

        var options = $"hive_partitioning = false, delim = {SqlQuote.Literal(csv.Delimiter.ToString())}, header = {(csv.HasHeader ? "true" : "false")}";
        if (files.All(f => f.Size < SmallFile) && folder.Format.CompressionType == "none")
        {
            // DuckDB sizes its read buffer for large files; for many small ones a buffer the size of the largest
            // possible line (the file) saves most of the per-file cost.
            options += $", buffer_size = {SmallFile}, max_line_size = {SmallFile}";
        }

        IReadOnlyList<Column>? columns = null;
        long rows = 0;
        foreach (var group in groups)
        {
            var list = SqlQuote.List(group);
            if (!_types.TryGetValue(group.Key, out var types))
            {
                types = (await ReadAsync($"read_csv({SqlQuote.Literal(group.First())}, auto_detect = true, {options})", csv, cancellationToken).ConfigureAwait(false)).Columns;
            }

            (IReadOnlyList<Column> Columns, long Rows) read;
            if (await ReadAsTypedAsync(list, types, options, cancellationToken).ConfigureAwait(false) is { } count)
            {
                read = (types, count);
            }
            else
            {
                read = await ReadAsync($"read_csv({list}, union_by_name = true, auto_detect = true, {options})", csv, cancellationToken).ConfigureAwait(false);
                read = (SchemaMerge.Merge(types, read.Columns), read.Rows);
            }

            _types[group.Key] = read.Columns;
            columns = columns is null ? read.Columns : SchemaMerge.Merge(columns, read.Columns);
            rows += read.Rows;
        }

        return new FolderSchema(folder.Format, columns ?? [], csv, rows, files.Sum(f => f.Size));
    }

    /// <summary>
    /// Reads the files as text under the expected column names and checks in one pass that every value fits its
    /// expected type (a cast alone would round <c>30.5</c> into a bigint). Returns the row count, or
    /// <see langword="null"/> when a file has other columns or a value that does not fit.
    /// </summary>
    private async Task<long?> ReadAsTypedAsync(string list, IReadOnlyList<Column> types, string options, CancellationToken cancellationToken)
    {
        var text = string.Join(", ", types.Select(c => $"{SqlQuote.Literal(c.Name)}: 'VARCHAR'"));
        try
        {
            await session.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {SampleTable} AS SELECT * FROM read_csv({list}, auto_detect = false, columns = {{{text}}}, {options})", cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            return null;
        }

        var checks = types.Where(c => c.Type != "string")
            .Select(c => (Column: SqlQuote.Identifier(c.Name), c.Type))
            .Select(c => c.Type is "bigint" or "int" or "smallint" or "tinyint"
                ? $"count(*) FILTER (WHERE {c.Column} IS NOT NULL AND (NOT regexp_full_match(trim({c.Column}), '[+-]?[0-9]+') OR TRY_CAST({c.Column} AS BIGINT) IS NULL))"
                : $"count(*) FILTER (WHERE {c.Column} IS NOT NULL AND TRY_CAST({c.Column} AS {GlueTypes.ToDuckDbSql(c.Type ?? "string")}) IS NULL)");
        var result = await session.QueryAsync($"SELECT {string.Join(", ", checks.Prepend("count(*)"))} FROM {SampleTable}", cancellationToken).ConfigureAwait(false);
        var row = result.Rows[0];
        return row.Skip(1).All(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) == 0) ? Convert.ToInt64(row[0], CultureInfo.InvariantCulture) : null;
    }

    private async Task<(IReadOnlyList<Column> Columns, long Rows)> ReadAsync(string relation, CsvDialect? csv, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {SampleTable} AS SELECT * FROM {relation}", cancellationToken).ConfigureAwait(false);
        var schema = await session.Table(SampleTable).GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        var rows = await session.Table(SampleTable).CountAsync(cancellationToken).ConfigureAwait(false);
        return (schema.Columns.Select(c => new Column { Name = GlueColumnName(c.Name, csv), Type = c.GlueType }).ToList(), rows);
    }

    /// <summary>The first line of a text file (decompressing gzip); zstd files each count as their own group.</summary>
    private static string HeaderLine(string path)
    {
        if (path.EndsWith(".zst", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".zstd", StringComparison.OrdinalIgnoreCase))
        {
            return "\0" + path;
        }

        using var text = OpenText(path);
        var buffer = new byte[4096];
        var read = text.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var end = buffer.AsSpan(0, read).IndexOf((byte)'\n');
        return System.Text.Encoding.UTF8.GetString(buffer, 0, end < 0 ? read : end).TrimEnd('\r');
    }

    private static Stream OpenText(string path)
    {
        var file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
    }

    private async Task<CsvDialect> SniffAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var sniffed = await session.QueryAsync($"SELECT Delimiter, HasHeader FROM sniff_csv({SqlQuote.Literal(path)})", cancellationToken).ConfigureAwait(false);
            var row = sniffed.Rows[0];
            var delimiter = row[0] is string { Length: > 0 } d ? d[0] : ',';
            var header = row[1] is true;
            return new CsvDialect(delimiter, header, StartsQuoted(path));
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            throw new ActivityFaultException(CrawlErrors.TargetUnreadable, $"Cannot read {path} as CSV: {error.Message}", error);
        }
    }

    /// <summary>
    /// Whether the first 64 KiB contain a double quote: Glue then records <c>areColumnsQuoted</c> and the OpenCSV SerDe.
    /// zstd text is not inspected (no decoder in the base library) and counts as unquoted.
    /// </summary>
    private static bool StartsQuoted(string path)
    {
        if (path.EndsWith(".zst", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".zstd", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        using var text = OpenText(path);
        var buffer = new byte[64 * 1024];
        var read = text.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer.AsSpan(0, read).Contains((byte)'"');
    }

    /// <summary>Glue lower-cases names, and calls the columns of a header-less CSV <c>col0</c>, <c>col1</c>, ….</summary>
    private static string GlueColumnName(string name, CsvDialect? csv)
    {
        if (csv is { HasHeader: false } && GeneratedName().Match(name) is { Success: true } m)
        {
            return "col" + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        return name.Trim().ToLowerInvariant();
    }

    [GeneratedRegex("^column(\\d+)$")]
    private static partial Regex GeneratedName();
}
