namespace DataPrepWorkflows.Catalog;

/// <summary>
/// The input format, output format and SerDe that Glue crawlers record for each classification, so tables created
/// locally read the same in Athena, Glue ETL and Spark.
/// </summary>
/// <param name="Classification">The <c>classification</c> table parameter.</param>
/// <param name="InputFormat">Hadoop input format class.</param>
/// <param name="OutputFormat">Hadoop output format class.</param>
/// <param name="SerdeInfo">SerDe class and its parameters.</param>
public sealed record TableFormat(string Classification, string InputFormat, string OutputFormat, SerDeInfo SerdeInfo)
{
    private const string TextInputFormat = "org.apache.hadoop.mapred.TextInputFormat";
    private const string HiveTextOutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

    /// <summary>Delimited text: <c>LazySimpleSerDe</c> with <c>field.delim</c>, or <c>OpenCSVSerde</c> when values are quoted.</summary>
    /// <param name="delimiter">Field delimiter.</param>
    /// <param name="quoted">Whether values are enclosed in double quotes.</param>
    public static TableFormat Csv(char delimiter = ',', bool quoted = false)
    {
        var separator = delimiter.ToString();
        var serde = quoted
            ? new SerDeInfo
            {
                SerializationLibrary = "org.apache.hadoop.hive.serde2.OpenCSVSerde",
                Parameters = new Dictionary<string, string> { ["quoteChar"] = "\"", ["separatorChar"] = separator },
            }
            : new SerDeInfo
            {
                SerializationLibrary = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                Parameters = new Dictionary<string, string> { ["field.delim"] = separator },
            };
        return new TableFormat("csv", TextInputFormat, HiveTextOutputFormat, serde);
    }

    /// <summary>JSON (one object per line) through the OpenX JSON SerDe; <c>paths</c> lists the top-level keys.</summary>
    /// <param name="paths">Top-level keys of the records, in column order.</param>
    public static TableFormat Json(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var serde = new SerDeInfo
        {
            SerializationLibrary = "org.openx.data.jsonserde.JsonSerDe",
            Parameters = new Dictionary<string, string> { ["paths"] = string.Join(',', paths) },
        };
        return new TableFormat("json", TextInputFormat, HiveTextOutputFormat, serde);
    }

    /// <summary>Parquet through Hive's Parquet SerDe.</summary>
    public static TableFormat Parquet() => new(
        "parquet",
        "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
        "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
        new SerDeInfo
        {
            SerializationLibrary = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
            Parameters = new Dictionary<string, string> { ["serialization.format"] = "1" },
        });

    /// <summary>A storage descriptor for data in this format, as a crawler writes it (not bucketed, not compressed unless said).</summary>
    /// <param name="location">Folder of the data.</param>
    /// <param name="columns">Data columns.</param>
    /// <param name="compressed">Whether the files are compressed.</param>
    public StorageDescriptor Describe(string location, IReadOnlyList<Column> columns, bool compressed = false) => new()
    {
        Columns = columns,
        Location = location,
        InputFormat = InputFormat,
        OutputFormat = OutputFormat,
        Compressed = compressed,
        NumberOfBuckets = -1,
        SerdeInfo = SerdeInfo,
        BucketColumns = [],
        SortColumns = [],
        Parameters = new Dictionary<string, string>(),
        StoredAsSubDirectories = false,
    };
}
