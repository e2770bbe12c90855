namespace DataPrepWorkflows.Catalog;

/// <summary>Table parameter keys that Glue crawlers write, spelled exactly as Glue spells them.</summary>
public static class TableParameters
{
    /// <summary><c>csv</c>, <c>json</c>, <c>parquet</c>, …</summary>
    public const string Classification = "classification";

    /// <summary><c>none</c>, <c>gzip</c>, <c>bzip2</c>, <c>snappy</c>, …</summary>
    public const string CompressionType = "compressionType";

    /// <summary>Always <c>file</c> for S3 data.</summary>
    public const string TypeOfData = "typeOfData";

    /// <summary>Estimated number of records.</summary>
    public const string RecordCount = "recordCount";

    /// <summary>Average record size in bytes.</summary>
    public const string AverageRecordSize = "averageRecordSize";

    /// <summary>Number of files.</summary>
    public const string ObjectCount = "objectCount";

    /// <summary>Total size of the files in bytes.</summary>
    public const string SizeKey = "sizeKey";

    /// <summary>The crawler that last wrote the table.</summary>
    public const string UpdatedByCrawler = "UPDATED_BY_CRAWLER";

    /// <summary>Crawler schema serializer version, <c>1.0</c>.</summary>
    public const string CrawlerSchemaSerializerVersion = "CrawlerSchemaSerializerVersion";

    /// <summary>Crawler schema deserializer version, <c>1.0</c>.</summary>
    public const string CrawlerSchemaDeserializerVersion = "CrawlerSchemaDeserializerVersion";

    /// <summary>CSV field delimiter.</summary>
    public const string Delimiter = "delimiter";

    /// <summary>Whether CSV values are quoted (<c>true</c>/<c>false</c>).</summary>
    public const string AreColumnsQuoted = "areColumnsQuoted";

    /// <summary>Whether the column order is significant (<c>true</c> for CSV).</summary>
    public const string ColumnsOrdered = "columnsOrdered";

    /// <summary>Header lines to skip in CSV files.</summary>
    public const string SkipHeaderLineCount = "skip.header.line.count";
}
