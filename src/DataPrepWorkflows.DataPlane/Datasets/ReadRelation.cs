using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>Builds the DuckDB table function call (<c>read_csv(…)</c>, <c>read_json(…)</c>, <c>read_parquet(…)</c>) for a path.</summary>
internal static class ReadRelation
{
    private static readonly string[] Encodings = ["utf-8", "utf-16", "latin-1"];

    public static (string Sql, DatasetFormat Format) Build(string path, DatasetReadOptions options)
    {
        var (pattern, format) = DatasetFormats.Resolve(path, options.Format);
        var sql = new StringBuilder();
        sql.Append(format switch
        {
            DatasetFormat.Csv => "read_csv(",
            DatasetFormat.JsonLines => "read_json(",
            _ => "read_parquet(",
        });
        sql.Append(SqlText.Literal(pattern));
        if (format == DatasetFormat.Csv)
        {
            AppendCsv(sql, path, pattern, options.Csv);
        }
        else if (format == DatasetFormat.JsonLines)
        {
            sql.Append(", format = 'newline_delimited', auto_detect = true");
        }

        if (options.HivePartitioning is { } hive)
        {
            sql.Append(", hive_partitioning = ").Append(SqlText.Bool(hive));
        }

        if (options.UnionByName)
        {
            sql.Append(", union_by_name = true");
        }

        if (options.IncludeFileName)
        {
            sql.Append(", filename = true");
        }

        sql.Append(')');
        return (sql.ToString(), format);
    }

    private static void AppendCsv(StringBuilder sql, string path, string pattern, CsvOptions csv)
    {
        sql.Append(", auto_detect = true");
        var delimiter = csv.Delimiter ?? (pattern.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? "\t" : null);
        Option(sql, "delim", delimiter);
        Option(sql, "quote", csv.Quote);
        Option(sql, "escape", csv.Escape);
        Option(sql, "nullstr", csv.NullString);
        if (csv.Header is { } header)
        {
            sql.Append(", header = ").Append(SqlText.Bool(header));
        }

        if (csv.Encoding is { } encoding)
        {
            var normalized = encoding.Trim().ToLowerInvariant() switch
            {
                "utf8" or "utf-8" => "utf-8",
                "utf16" or "utf-16" or "utf-16le" => "utf-16",
                "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" => "latin-1",
                var other => other,
            };
            if (!Encodings.Contains(normalized))
            {
                throw new DatasetException(DatasetErrorCodes.InvalidOption, path, $"CSV encoding '{encoding}' is not supported; use utf-8, utf-16 or latin-1.");
            }

            sql.Append(", encoding = ").Append(SqlText.Literal(normalized));
        }

        if (csv.SampleSize is { } sample)
        {
            sql.Append(", sample_size = ").Append(sample.ToString(CultureInfo.InvariantCulture));
        }

        if (csv.AllText)
        {
            sql.Append(", all_varchar = true");
        }

        if (csv.Columns is { Count: > 0 } columns)
        {
            sql.Append(", columns = {")
                .AppendJoin(", ", columns.Select(c => $"{SqlText.Literal(c.Key)}: {SqlText.Literal(c.Value)}"))
                .Append('}');
        }
    }

    private static void Option(StringBuilder sql, string name, string? value)
    {
        if (value is not null)
        {
            sql.Append(", ").Append(name).Append(" = ").Append(SqlText.Literal(value));
        }
    }
}
