using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Catalog.Tests.Json;

public sealed class GlueJsonTests : CatalogTestBase
{
    private const string ExpectedTable = """
        {
          "Name": "raw_orders",
          "DatabaseName": "dataprep_dev",
          "Owner": "owner",
          "CreateTime": 1700000000,
          "UpdateTime": 1700000000.5,
          "Retention": 0,
          "StorageDescriptor": {
            "Columns": [
              { "Name": "order_id", "Type": "bigint" },
              { "Name": "amount", "Type": "double", "Comment": "in EUR" }
            ],
            "Location": "s3://raw-data-bucket/incoming/",
            "InputFormat": "org.apache.hadoop.mapred.TextInputFormat",
            "OutputFormat": "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            "Compressed": false,
            "NumberOfBuckets": -1,
            "SerdeInfo": {
              "SerializationLibrary": "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
              "Parameters": { "field.delim": "," }
            },
            "BucketColumns": [],
            "SortColumns": [],
            "Parameters": {},
            "StoredAsSubDirectories": false
          },
          "PartitionKeys": [ { "Name": "ingest_date", "Type": "string" } ],
          "TableType": "EXTERNAL_TABLE",
          "Parameters": {
            "classification": "csv",
            "UPDATED_BY_CRAWLER": "raw-orders-crawler",
            "CrawlerSchemaSerializerVersion": "1.0",
            "recordCount": "1000",
            "typeOfData": "file"
          },
          "VersionId": "0"
        }
        """;

    private static Table SampleTable() => new()
    {
        Name = "raw_orders",
        DatabaseName = "dataprep_dev",
        Owner = "owner",
        CreateTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        UpdateTime = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500),
        Retention = 0,
        StorageDescriptor = TableFormat.Csv().Describe(
            "s3://raw-data-bucket/incoming/",
            [new Column { Name = "order_id", Type = "bigint" }, new Column { Name = "amount", Type = "double", Comment = "in EUR" }]),
        PartitionKeys = [new Column { Name = "ingest_date", Type = "string" }],
        TableType = Table.ExternalTable,
        Parameters = new Dictionary<string, string>
        {
            [TableParameters.Classification] = "csv",
            [TableParameters.UpdatedByCrawler] = "raw-orders-crawler",
            [TableParameters.CrawlerSchemaSerializerVersion] = "1.0",
            [TableParameters.RecordCount] = "1000",
            [TableParameters.TypeOfData] = "file",
        },
        VersionId = "0",
    };

    [Fact]
    public void A_table_serialises_with_Glue_member_names_and_epoch_seconds()
    {
        var actual = JsonNode.Parse(GlueJson.Serialize(SampleTable()));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ExpectedTable), actual), actual!.ToJsonString());
    }

    [Fact]
    public void A_table_reads_back_from_Glue_json_unchanged()
    {
        var table = GlueJson.Deserialize<Table>(ExpectedTable);

        Assert.Equal(GlueJson.Serialize(SampleTable()), GlueJson.Serialize(table));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), table.UpdateTime);
    }

    [Fact]
    public async Task A_stored_table_has_the_same_shape_as_Glue_get_table()
    {
        await CreateDatabaseAsync("dataprep_dev");
        var stored = await Catalog.CreateTableAsync("dataprep_dev", TableInput.From(SampleTable()));
        var node = JsonNode.Parse(GlueJson.Serialize(stored))!.AsObject();

        Assert.Equal(
            ["Name", "DatabaseName", "Owner", "CreateTime", "UpdateTime", "Retention", "StorageDescriptor", "PartitionKeys", "TableType", "Parameters", "IsRegisteredWithLakeFormation", "VersionId"],
            node.Select(p => p.Key));
        Assert.Equal(Start.ToUnixTimeMilliseconds() / 1000m, node["CreateTime"]!.GetValue<decimal>());
    }

    [Fact]
    public void A_partition_and_a_table_version_use_Glue_member_names()
    {
        var partition = new Partition
        {
            Values = ["2024-01-01"],
            DatabaseName = "dataprep_dev",
            TableName = "raw_orders",
            CreationTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            Parameters = new Dictionary<string, string>(),
        };
        var version = new TableVersion { Table = new Table { Name = "raw_orders" }, VersionId = "3" };

        Assert.Equal(
            """{"Values":["2024-01-01"],"DatabaseName":"dataprep_dev","TableName":"raw_orders","CreationTime":1700000000,"Parameters":{}}""",
            GlueJson.Serialize(partition));
        Assert.Equal("""{"Table":{"Name":"raw_orders"},"VersionId":"3"}""", GlueJson.Serialize(version));
    }

    [Fact]
    public void Indented_output_is_for_people_and_reads_back()
    {
        var text = GlueJson.Serialize(SampleTable(), indented: true);

        Assert.Contains(Environment.NewLine + "  \"Name\"", text, StringComparison.Ordinal);
        Assert.Equal("raw_orders", GlueJson.Deserialize<Table>(text).Name);
    }
}
