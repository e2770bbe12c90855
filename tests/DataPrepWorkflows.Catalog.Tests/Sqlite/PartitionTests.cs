namespace DataPrepWorkflows.Catalog.Tests.Sqlite;

public sealed class PartitionTests : CatalogTestBase
{
    private static PartitionInput At(string year, string month) => new()
    {
        Values = [year, month],
        StorageDescriptor = TableFormat.Csv().Describe($"s3://raw/orders/year={year}/month={month}/", [new Column { Name = "id", Type = "bigint" }]),
    };

    private async Task CreateOrdersAsync()
    {
        await CreateDatabaseAsync();
        await Catalog.CreateTableAsync("sales", CsvTable("orders", "year", "month"));
    }

    [Fact]
    public async Task Batch_create_then_get_returns_each_partition()
    {
        await CreateOrdersAsync();

        var errors = await Catalog.BatchCreatePartitionAsync("sales", "orders", [At("2024", "01"), At("2024", "02")]);
        var partition = await Catalog.GetPartitionAsync("sales", "orders", ["2024", "02"]);

        Assert.Empty(errors);
        Assert.Equal(["2024", "02"], partition.Values);
        Assert.Equal("sales", partition.DatabaseName);
        Assert.Equal("orders", partition.TableName);
        Assert.Equal(Start, partition.CreationTime);
        Assert.Equal("s3://raw/orders/year=2024/month=02/", partition.StorageDescriptor!.Location);
    }

    [Fact]
    public async Task Batch_create_reports_duplicates_and_wrong_arity_and_creates_the_rest()
    {
        await CreateOrdersAsync();
        await Catalog.BatchCreatePartitionAsync("sales", "orders", [At("2024", "01")]);

        var errors = await Catalog.BatchCreatePartitionAsync("sales", "orders",
        [
            At("2024", "01"),
            new PartitionInput { Values = ["2024"] },
            At("2024", "03"),
        ]);

        Assert.Equal(2, errors.Count);
        Assert.Equal(CatalogErrorCodes.AlreadyExists, errors[0].ErrorDetail.ErrorCode);
        Assert.Equal(["2024", "01"], errors[0].PartitionValues);
        Assert.Equal(CatalogErrorCodes.InvalidInput, errors[1].ErrorDetail.ErrorCode);
        Assert.Contains("2 partition key(s)", errors[1].ErrorDetail.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(2, (await Catalog.GetPartitionsAsync("sales", "orders")).Count);
    }

    [Fact]
    public async Task List_filters_by_values_of_named_keys()
    {
        await CreateOrdersAsync();
        await Catalog.BatchCreatePartitionAsync("sales", "orders", [At("2023", "12"), At("2024", "01"), At("2024", "02")]);

        var all = await Catalog.GetPartitionsAsync("sales", "orders");
        var year = await Catalog.GetPartitionsAsync("sales", "orders", PartitionFilter.Where("year", "2024"));
        var exact = await Catalog.GetPartitionsAsync("sales", "orders", PartitionFilter.Where("YEAR", "2024").And("month", "02"));
        var none = await Catalog.GetPartitionsAsync("sales", "orders", PartitionFilter.Where("month", "07"));

        Assert.Equal(["2023/12", "2024/01", "2024/02"], all.Select(p => string.Join('/', p.Values)));
        Assert.Equal(["2024/01", "2024/02"], year.Select(p => string.Join('/', p.Values)));
        Assert.Equal(["2024/02"], exact.Select(p => string.Join('/', p.Values)));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Filtering_on_a_key_that_is_not_a_partition_key_fails_with_InvalidInputException()
    {
        await CreateOrdersAsync();

        var error = await Assert.ThrowsAsync<CatalogException>(() => Catalog.GetPartitionsAsync("sales", "orders", PartitionFilter.Where("day", "1")));

        Assert.Equal(CatalogErrorCodes.InvalidInput, error.Code);
        Assert.Contains("year, month", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_replaces_the_definition_and_keeps_the_creation_time()
    {
        await CreateOrdersAsync();
        await Catalog.BatchCreatePartitionAsync("sales", "orders", [At("2024", "01")]);
        Time.Now = Start.AddDays(2);

        await Catalog.UpdatePartitionAsync("sales", "orders", ["2024", "01"], At("2024", "01") with
        {
            Parameters = new Dictionary<string, string> { [TableParameters.RecordCount] = "42" },
        });
        var partition = await Catalog.GetPartitionAsync("sales", "orders", ["2024", "01"]);

        Assert.Equal(Start, partition.CreationTime);
        Assert.Equal("42", partition.Parameters![TableParameters.RecordCount]);
    }

    [Fact]
    public async Task Delete_removes_one_partition_and_missing_ones_fail_with_EntityNotFoundException()
    {
        await CreateOrdersAsync();
        await Catalog.BatchCreatePartitionAsync("sales", "orders", [At("2024", "01"), At("2024", "02")]);

        await Catalog.DeletePartitionAsync("sales", "orders", ["2024", "01"]);

        Assert.Equal(["2024", "02"], Assert.Single(await Catalog.GetPartitionsAsync("sales", "orders")).Values);
        Assert.Equal(CatalogErrorCodes.EntityNotFound, (await Assert.ThrowsAsync<CatalogException>(() => Catalog.DeletePartitionAsync("sales", "orders", ["2024", "01"]))).Code);
        Assert.Equal(CatalogErrorCodes.EntityNotFound, (await Assert.ThrowsAsync<CatalogException>(() => Catalog.GetPartitionAsync("sales", "orders", ["1999", "01"]))).Code);
    }

    [Fact]
    public async Task Partitions_of_a_missing_table_fail_with_EntityNotFoundException()
    {
        await CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<CatalogException>(() => Catalog.BatchCreatePartitionAsync("sales", "ghost", [At("2024", "01")]));

        Assert.Equal(CatalogErrorCodes.EntityNotFound, error.Code);
    }

    [Fact]
    public async Task Deleting_the_table_deletes_its_partitions()
    {
        await CreateOrdersAsync();
        await Catalog.BatchCreatePartitionAsync("sales", "orders", [At("2024", "01")]);

        await Catalog.DeleteTableAsync("sales", "orders");
        await Catalog.CreateTableAsync("sales", CsvTable("orders", "year", "month"));

        Assert.Empty(await Catalog.GetPartitionsAsync("sales", "orders"));
    }
}
