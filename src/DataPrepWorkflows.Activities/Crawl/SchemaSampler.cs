using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>
/// Infers a folder's schema with DuckDB: one query over up to <c>sampleSize</c> of its files at once (a file list
/// read with <c>union_by_name</c>, so columns added in newer files show up), plus the CSV dialect of the first file.
/// </summary>
internal sealed partial class SchemaSampler(DuckDbSession session, LocalObjectPaths paths)
{
    private const string SampleTable = "crawl_sample";

    public async Task<FolderSchema> InferAsync(DataFolder folder, int? sampleSize, CancellationToken cancellationToken)
    {
        var files = sampleSize is { } n ? folder.Files.Take(n).ToList() : folder.Files;
        var local = await paths.GetAsync(files, cancellationToken).ConfigureAwait(false);
        var list = SqlQuote.List(local);
        var csv = folder.Format.Classification == FileClassification.Csv ? await SniffAsync(local[0], cancellationToken).ConfigureAwait(false) : null;
        var relation = folder.Format.Classification switch
        {
            FileClassification.Csv => $"read_csv({list}, union_by_name = true, hive_partitioning = false, auto_detect = true, delim = {SqlQuote.Literal(csv!.Delimiter.ToString())}, header = {(csv.HasHeader ? "true" : "false")})",
            FileClassification.Json => $"read_json({list}, union_by_name = true, hive_partitioning = false, format = 'auto')",
            _ => $"read_parquet({list}, union_by_name = true, hive_partitioning = false)",
        };

        try
        {
            await session.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {SampleTable} AS SELECT * FROM {relation}", cancellationToken).ConfigureAwait(false);
            var schema = await session.Table(SampleTable).GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            var rows = await session.Table(SampleTable).CountAsync(cancellationToken).ConfigureAwait(false);
            var columns = schema.Columns
                .Select(c => new Column { Name = GlueColumnName(c.Name, csv), Type = c.GlueType })
                .ToList();
            return new FolderSchema(folder.Format, columns, csv, rows, files.Sum(f => f.Size));
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            throw new ActivityFaultException(
                CrawlErrors.TargetUnreadable,
                $"Cannot infer the schema of {folder.Uri} as {folder.Format.Classification}: {error.Message} Fix or exclude the files (targets[].exclusions).",
                error);
        }
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

        using var file = File.OpenRead(path);
        using var text = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : (Stream)file;
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
