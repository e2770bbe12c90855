using DataPrepWorkflows.Activities.Tests.Fixtures;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Activities.Tests.Crawl;

public sealed class CrawlClassificationTests : IAsyncLifetime
{
    private GlueHarness _h = null!;

    public async Task InitializeAsync() => _h = await GlueHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Csv_json_gzip_and_parquet_folders_become_tables_with_the_crawler_parameters()
    {
        await _h.PutAsync("s3://raw/csvdata/part-0.csv", CrawlData.Loans);
        await _h.PutGzipAsync("s3://raw/gzdata/part-0.csv.gz", CrawlData.Loans);
        await _h.PutAsync("s3://raw/jsondata/part-0.json", CrawlData.EventsJson);
        await _h.Backends.Storage.EnsureBucketAsync("raw");
        Directory.CreateDirectory(_h.LocalPath("s3://raw/parquetdata/"));
        using (var session = _h.Backends.OpenSession())
        {
            await session.ExecuteAsync($"COPY (SELECT range AS id, 'n' || range AS label FROM range(5)) TO '{_h.LocalPath("s3://raw/parquetdata/part-0.snappy.parquet")}' (FORMAT parquet)");
        }

        var result = await _h.RunAsync("Crawl", new
        {
            targets = new[] { "s3://raw/csvdata/", "s3://raw/gzdata/", "s3://raw/jsondata/", "s3://raw/parquetdata/" }.Select(p => new { path = p }),
            database = "lake",
        });

        var outputs = result.Outputs();
        Assert.Equal(4, outputs.Int("tablesCreated"));
        Assert.Equal(["csvdata", "gzdata", "jsondata", "parquetdata"], outputs["tables"]!.AsArray().Select(t => t!.GetValue<string>()));

        var csv = await _h.Backends.Catalog.GetTableAsync("lake", "csvdata");
        Assert.Equal([("id", "bigint"), ("name", "string"), ("amount", "double")], csv.StorageDescriptor!.Columns!.Select(c => (c.Name, c.Type!)));
        Assert.Equal("s3://raw/csvdata/", csv.StorageDescriptor.Location);
        Assert.Equal("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", csv.StorageDescriptor.SerdeInfo!.SerializationLibrary);
        var p = csv.Parameters!;
        Assert.Equal("csv", p["classification"]);
        Assert.Equal("none", p["compressionType"]);
        Assert.Equal("file", p["typeOfData"]);
        Assert.Equal(",", p["delimiter"]);
        Assert.Equal("1", p["skip.header.line.count"]);
        Assert.Equal("false", p["areColumnsQuoted"]);
        Assert.Equal("2", p["recordCount"]);
        Assert.Equal("1", p["objectCount"]);
        Assert.Equal(CrawlData.Loans.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), p["sizeKey"]);
        Assert.Equal("step", p["UPDATED_BY_CRAWLER"]);
        Assert.Equal("1.0", p["CrawlerSchemaSerializerVersion"]);
        Assert.Equal("1.0", p["CrawlerSchemaDeserializerVersion"]);
        Assert.Equal(Table.ExternalTable, csv.TableType);
        Assert.Empty(csv.PartitionKeys ?? []);

        var gz = await _h.Backends.Catalog.GetTableAsync("lake", "gzdata");
        Assert.Equal("gzip", gz.Parameters!["compressionType"]);
        Assert.True(gz.StorageDescriptor!.Compressed);
        Assert.Equal(csv.StorageDescriptor.Columns, gz.StorageDescriptor.Columns);

        var json = await _h.Backends.Catalog.GetTableAsync("lake", "jsondata");
        Assert.Equal("json", json.Parameters!["classification"]);
        Assert.Equal("org.openx.data.jsonserde.JsonSerDe", json.StorageDescriptor!.SerdeInfo!.SerializationLibrary);
        Assert.Equal([("event", "string"), ("at", "string"), ("count", "bigint")], json.StorageDescriptor.Columns!.Select(c => (c.Name, c.Type!)));

        var parquet = await _h.Backends.Catalog.GetTableAsync("lake", "parquetdata");
        Assert.Equal("parquet", parquet.Parameters!["classification"]);
        Assert.Equal("5", parquet.Parameters["recordCount"]);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat", parquet.StorageDescriptor!.InputFormat);
        Assert.Equal([("id", "bigint"), ("label", "string")], parquet.StorageDescriptor.Columns!.Select(c => (c.Name, c.Type!)));
    }

    [Fact]
    public async Task Quoted_semicolon_csv_records_its_delimiter_and_the_OpenCSV_serde()
    {
        await _h.PutAsync("s3://raw/quoted/a.csv", "\"id\";\"city\"\n\"1\";\"Oslo; Norway\"\n\"2\";\"Rome\"\n");

        await _h.RunAsync("Crawl", CrawlData.Crawl("s3://raw/quoted/"));

        var table = await _h.Backends.Catalog.GetTableAsync("lake", "quoted");
        Assert.Equal(";", table.Parameters!["delimiter"]);
        Assert.Equal("true", table.Parameters["areColumnsQuoted"]);
        Assert.Equal("org.apache.hadoop.hive.serde2.OpenCSVSerde", table.StorageDescriptor!.SerdeInfo!.SerializationLibrary);
    }

    [Fact]
    public async Task A_file_whose_values_do_not_fit_the_first_files_types_widens_the_column()
    {
        await _h.PutAsync("s3://raw/mixed/a.csv", "id,amount\n1,10\n2,20\n");
        await _h.PutAsync("s3://raw/mixed/b.csv", "id,amount\n3,30.5\n");
        await _h.PutAsync("s3://raw/mixed/c.csv", "id,note\n4,late\n");

        await _h.RunAsync("Crawl", CrawlData.Crawl("s3://raw/mixed/"));

        var table = await _h.Backends.Catalog.GetTableAsync("lake", "mixed");
        Assert.Equal([("id", "bigint"), ("amount", "double"), ("note", "string")], table.StorageDescriptor!.Columns!.Select(c => (c.Name, c.Type!)));
        Assert.Equal("4", table.Parameters!["recordCount"]);
    }

    [Fact]
    public async Task Folders_with_incompatible_schemas_become_separate_prefixed_tables()
    {
        await _h.PutAsync("s3://raw/landing/loans/a.csv", CrawlData.Loans);
        await _h.PutAsync("s3://raw/landing/customers/a.csv", CrawlData.Customers);
        await _h.PutAsync("s3://raw/landing/loans/_SUCCESS", "x");

        var result = await _h.RunAsync("Crawl", CrawlData.Crawl("s3://raw/landing/", extra: new { tablePrefix = "raw_" }));

        Assert.Equal(["raw_customers", "raw_loans"], result.Outputs()["tables"]!.AsArray().Select(t => t!.GetValue<string>()));
        var customers = await _h.Backends.Catalog.GetTableAsync("lake", "raw_customers");
        Assert.Equal([("customer_id", "bigint"), ("city", "string"), ("joined", "date")], customers.StorageDescriptor!.Columns!.Select(c => (c.Name, c.Type!)));
        Assert.Equal("1", (await _h.Backends.Catalog.GetTableAsync("lake", "raw_loans")).Parameters!["objectCount"]);
    }

    [Fact]
    public async Task Exclusions_leave_matching_files_out()
    {
        await _h.PutAsync("s3://raw/orders/a.csv", CrawlData.Loans);
        await _h.PutAsync("s3://raw/orders/b.csv.bak", CrawlData.Customers);
        await _h.PutAsync("s3://raw/orders/tmp/scratch.csv", CrawlData.Customers);
        await _h.PutAsync("s3://raw/orders/scratch/x.csv", CrawlData.Customers);

        var result = await _h.RunAsync("Crawl", new
        {
            targets = new[] { new { path = "s3://raw/orders/", exclusions = new[] { "{tmp,scratch}/**", "**.bak" } } },
            database = "lake",
        });

        Assert.Equal(1, result.Outputs().Int("tablesCreated"));
        var table = await _h.Backends.Catalog.GetTableAsync("lake", "orders");
        Assert.Equal("1", table.Parameters!["objectCount"]);
        Assert.Empty(table.PartitionKeys ?? []);
    }

    [Fact]
    public async Task Invalid_inputs_fault_with_a_named_error_and_a_message_naming_the_field()
    {
        var result = await _h.RunAsync("Crawl", new
        {
            targets = new[] { new { path = "s3://raw/orders/", exclusions = new[] { "[abc" } } },
            database = "lake",
        });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("Crawl.InvalidInput", result.Error!.Error);
        Assert.Contains("targets[0].exclusions[0]", result.Error.Cause, StringComparison.Ordinal);

        var policy = await _h.RunAsync("Crawl", CrawlData.Crawl("s3://raw/orders/", extra: new { schemaChangePolicy = new { updateBehavior = "UPDATE" } }), "i-2");
        Assert.Equal("Crawl.InvalidInput", policy.Error!.Error);
        Assert.Contains("schemaChangePolicy.updateBehavior", policy.Error.Cause, StringComparison.Ordinal);
    }
}
