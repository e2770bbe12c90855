using System.Text;

namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>Builds DuckDB's <c>COPY (query) TO 'path' (…)</c> for a write.</summary>
internal static class WriteStatement
{
    private static readonly string[] ParquetCodecs = ["snappy", "zstd", "gzip", "uncompressed", "lz4", "brotli"];
    private static readonly string[] TextCodecs = ["gzip", "zstd", "none", "uncompressed"];

    public static DatasetFormat DecideFormat(string path, DatasetWriteOptions options) =>
        options.Format != DatasetFormat.Auto
            ? options.Format
            : DatasetFormats.FromExtension(path) is var format && format != DatasetFormat.Auto ? format : DatasetFormat.Parquet;

    public static string Build(string query, string target, DatasetFormat format, DatasetWriteOptions options)
    {
        var sql = new StringBuilder();
        sql.Append("COPY (").Append(query).Append(") TO ").Append(SqlText.Literal(target)).Append(" (FORMAT ");
        sql.Append(format switch
        {
            DatasetFormat.Csv => "csv",
            DatasetFormat.JsonLines => "json",
            _ => "parquet",
        });

        var compression = Compression(target, format, options);
        if (compression is not null)
        {
            sql.Append(", COMPRESSION ").Append(SqlText.Literal(compression));
        }

        if (format == DatasetFormat.Csv)
        {
            var csv = options.Csv;
            sql.Append(", HEADER ").Append(SqlText.Bool(csv.Header ?? true));
            Option(sql, "DELIMITER", csv.Delimiter);
            Option(sql, "QUOTE", csv.Quote);
            Option(sql, "ESCAPE", csv.Escape);
            Option(sql, "NULLSTR", csv.NullString);
        }

        if (options.PartitionBy.Count > 0)
        {
            sql.Append(", PARTITION_BY (").AppendJoin(", ", options.PartitionBy.Select(SqlText.Identifier)).Append(')');
            sql.Append(options.Overwrite ? ", OVERWRITE true" : ", OVERWRITE_OR_IGNORE true");
            sql.Append(", FILENAME_PATTERN 'part-{i}'");
        }

        sql.Append(')');
        return sql.ToString();
    }

    private static string? Compression(string target, DatasetFormat format, DatasetWriteOptions options)
    {
        var requested = options.Compression?.Trim().ToLowerInvariant();
        if (format == DatasetFormat.Parquet)
        {
            requested ??= "snappy";
            return ParquetCodecs.Contains(requested)
                ? requested
                : throw new DatasetException(DatasetErrorCodes.InvalidOption, target, $"Parquet compression '{options.Compression}' is not supported; use snappy, zstd, gzip or uncompressed.");
        }

        if (requested is null)
        {
            return null; // DuckDB picks gzip/zstd from a .gz/.zst extension.
        }

        return TextCodecs.Contains(requested)
            ? requested == "uncompressed" ? "none" : requested
            : throw new DatasetException(DatasetErrorCodes.InvalidOption, target, $"Text compression '{options.Compression}' is not supported; use gzip, zstd or none.");
    }

    private static void Option(StringBuilder sql, string name, string? value)
    {
        if (value is not null)
        {
            sql.Append(", ").Append(name).Append(' ').Append(SqlText.Literal(value));
        }
    }
}
