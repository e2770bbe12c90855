namespace DataPrepWorkflows.Catalog.Tests.Formats;

public sealed class TableFormatTests
{
    [Fact]
    public void Csv_uses_text_formats_and_LazySimpleSerDe_with_the_delimiter()
    {
        var format = TableFormat.Csv('|');

        Assert.Equal("csv", format.Classification);
        Assert.Equal("org.apache.hadoop.mapred.TextInputFormat", format.InputFormat);
        Assert.Equal("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat", format.OutputFormat);
        Assert.Equal("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", format.SerdeInfo.SerializationLibrary);
        Assert.Equal("|", format.SerdeInfo.Parameters!["field.delim"]);
    }

    [Fact]
    public void Quoted_csv_uses_OpenCSVSerde()
    {
        var format = TableFormat.Csv(',', quoted: true);

        Assert.Equal("org.apache.hadoop.hive.serde2.OpenCSVSerde", format.SerdeInfo.SerializationLibrary);
        Assert.Equal(",", format.SerdeInfo.Parameters!["separatorChar"]);
        Assert.Equal("\"", format.SerdeInfo.Parameters["quoteChar"]);
    }

    [Fact]
    public void Json_uses_the_OpenX_SerDe_with_paths()
    {
        var format = TableFormat.Json(["id", "income"]);

        Assert.Equal("json", format.Classification);
        Assert.Equal("org.openx.data.jsonserde.JsonSerDe", format.SerdeInfo.SerializationLibrary);
        Assert.Equal("id,income", format.SerdeInfo.Parameters!["paths"]);
        Assert.Equal("org.apache.hadoop.mapred.TextInputFormat", format.InputFormat);
    }

    [Fact]
    public void Parquet_uses_the_Hive_Parquet_formats_and_SerDe()
    {
        var format = TableFormat.Parquet();

        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat", format.InputFormat);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat", format.OutputFormat);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", format.SerdeInfo.SerializationLibrary);
    }

    [Fact]
    public void Describe_writes_what_a_crawler_writes()
    {
        var descriptor = TableFormat.Parquet().Describe("s3://curated/loans/", [new Column { Name = "id", Type = "bigint" }]);

        Assert.Equal(-1, descriptor.NumberOfBuckets);
        Assert.False(descriptor.Compressed);
        Assert.False(descriptor.StoredAsSubDirectories);
        Assert.Equal("s3://curated/loans/", descriptor.Location);
    }
}
