namespace DataPrepWorkflows.Catalog.Tests.Sqlite;

public sealed class TableTests : CatalogTestBase
{
    [Fact]
    public async Task Create_then_get_returns_the_table_as_version_zero()
    {
        await CreateDatabaseAsync("Sales");

        var created = await Catalog.CreateTableAsync("SALES", CsvTable("Raw_Orders", "year"));
        var table = await Catalog.GetTableAsync("sales", "raw_orders");

        Assert.Equal("raw_orders", table.Name);
        Assert.Equal("sales", table.DatabaseName);
        Assert.Equal("0", table.VersionId);
        Assert.Equal(Start, table.CreateTime);
        Assert.Equal(Start, table.UpdateTime);
        Assert.Equal(Table.ExternalTable, table.TableType);
        Assert.Equal(["id", "amount"], table.StorageDescriptor!.Columns!.Select(c => c.Name));
        Assert.Equal("year", Assert.Single(table.PartitionKeys!).Name);
        Assert.Equal(GlueJson.Serialize(created), GlueJson.Serialize(table));
    }

    [Fact]
    public async Task Creating_a_table_in_a_missing_database_fails_with_EntityNotFoundException()
    {
        var error = await Assert.ThrowsAsync<CatalogException>(() => Catalog.CreateTableAsync("ghost", CsvTable("orders")));

        Assert.Equal(CatalogErrorCodes.EntityNotFound, error.Code);
        Assert.Contains("Database ghost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_existing_table_fails_with_AlreadyExistsException()
    {
        await CreateDatabaseAsync();
        await Catalog.CreateTableAsync("sales", CsvTable("orders"));

        var error = await Assert.ThrowsAsync<CatalogException>(() => Catalog.CreateTableAsync("sales", CsvTable("ORDERS")));

        Assert.Equal(CatalogErrorCodes.AlreadyExists, error.Code);
    }

    [Fact]
    public async Task Getting_a_missing_table_names_the_table_or_the_missing_database()
    {
        await CreateDatabaseAsync();

        var table = await Assert.ThrowsAsync<CatalogException>(() => Catalog.GetTableAsync("sales", "ghost"));
        var database = await Assert.ThrowsAsync<CatalogException>(() => Catalog.GetTableAsync("nodb", "ghost"));

        Assert.Equal(CatalogErrorCodes.EntityNotFound, table.Code);
        Assert.Contains("Table ghost", table.Message, StringComparison.Ordinal);
        Assert.Contains("Database nodb", database.Message, StringComparison.Ordinal);
        Assert.Null(await Catalog.FindTableAsync("sales", "ghost"));
    }

    [Fact]
    public async Task Tables_are_listed_by_name_within_their_database()
    {
        await CreateDatabaseAsync("sales");
        await CreateDatabaseAsync("other");
        await Catalog.CreateTableAsync("sales", CsvTable("b"));
        await Catalog.CreateTableAsync("sales", CsvTable("a"));
        await Catalog.CreateTableAsync("other", CsvTable("c"));

        Assert.Equal(["a", "b"], (await Catalog.GetTablesAsync("sales")).Select(t => t.Name));
    }

    [Fact]
    public async Task Update_creates_a_new_version_and_keeps_the_history()
    {
        await CreateDatabaseAsync();
        var original = await Catalog.CreateTableAsync("sales", CsvTable("orders"));
        Time.Now = Start.AddHours(1);
        var widened = TableInput.From(original) with
        {
            StorageDescriptor = original.StorageDescriptor! with
            {
                Columns = [.. original.StorageDescriptor.Columns!, new Column { Name = "region", Type = "string" }],
            },
        };

        var updated = await Catalog.UpdateTableAsync("sales", widened);
        var versions = await Catalog.GetTableVersionsAsync("sales", "orders");
        var first = await Catalog.GetTableVersionAsync("sales", "orders", "0");

        Assert.Equal("1", updated.VersionId);
        Assert.Equal(Start, updated.CreateTime);
        Assert.Equal(Start.AddHours(1), updated.UpdateTime);
        Assert.Equal(["1", "0"], versions.Select(v => v.VersionId));
        Assert.Equal(3, versions[0].Table.StorageDescriptor!.Columns!.Count);
        Assert.Equal(2, first.Table.StorageDescriptor!.Columns!.Count);
        Assert.Equal(3, (await Catalog.GetTableAsync("sales", "orders")).StorageDescriptor!.Columns!.Count);
    }

    [Fact]
    public async Task Updating_a_missing_table_fails_with_EntityNotFoundException()
    {
        await CreateDatabaseAsync();

        Assert.Equal(CatalogErrorCodes.EntityNotFound, (await Assert.ThrowsAsync<CatalogException>(() => Catalog.UpdateTableAsync("sales", CsvTable("ghost")))).Code);
    }

    [Fact]
    public async Task A_missing_or_malformed_version_fails_clearly()
    {
        await CreateDatabaseAsync();
        await Catalog.CreateTableAsync("sales", CsvTable("orders"));

        var missing = await Assert.ThrowsAsync<CatalogException>(() => Catalog.GetTableVersionAsync("sales", "orders", "7"));
        var malformed = await Assert.ThrowsAsync<CatalogException>(() => Catalog.GetTableVersionAsync("sales", "orders", "latest"));

        Assert.Equal(CatalogErrorCodes.EntityNotFound, missing.Code);
        Assert.Equal(CatalogErrorCodes.InvalidInput, malformed.Code);
    }

    [Fact]
    public async Task Delete_removes_the_table_with_its_versions()
    {
        await CreateDatabaseAsync();
        await Catalog.CreateTableAsync("sales", CsvTable("orders"));
        await Catalog.UpdateTableAsync("sales", CsvTable("orders"));

        await Catalog.DeleteTableAsync("sales", "Orders");
        await Catalog.CreateTableAsync("sales", CsvTable("orders"));

        Assert.Equal(["0"], (await Catalog.GetTableVersionsAsync("sales", "orders")).Select(v => v.VersionId));
        Assert.Equal(CatalogErrorCodes.EntityNotFound, (await Assert.ThrowsAsync<CatalogException>(() => Catalog.DeleteTableAsync("sales", "ghost"))).Code);
    }

    [Fact]
    public async Task Duplicate_column_names_are_rejected_with_InvalidInputException()
    {
        await CreateDatabaseAsync();
        var clash = CsvTable("orders", "ID");

        var error = await Assert.ThrowsAsync<CatalogException>(() => Catalog.CreateTableAsync("sales", clash));

        Assert.Equal(CatalogErrorCodes.InvalidInput, error.Code);
        Assert.Contains("'ID'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_based_on_a_stale_version_fails_with_ConcurrentModificationException()
    {
        await CreateDatabaseAsync();
        var read = await Catalog.CreateTableAsync("sales", CsvTable("orders"));
        await Catalog.UpdateTableAsync("sales", TableInput.From(read), new TableUpdateOptions { VersionId = read.VersionId });

        var error = await Assert.ThrowsAsync<CatalogException>(() =>
            Catalog.UpdateTableAsync("sales", TableInput.From(read) with { Description = "late" }, new TableUpdateOptions { VersionId = read.VersionId }));

        Assert.Equal(CatalogErrorCodes.ConcurrentModification, error.Code);
        Assert.Null((await Catalog.GetTableAsync("sales", "orders")).Description);
    }

    [Fact]
    public async Task Skip_archive_replaces_the_definition_without_keeping_the_previous_one()
    {
        await CreateDatabaseAsync();
        await Catalog.CreateTableAsync("sales", CsvTable("orders"));

        var updated = await Catalog.UpdateTableAsync("sales", CsvTable("orders") with { Description = "v1" }, new TableUpdateOptions { SkipArchive = true });

        Assert.Equal("1", updated.VersionId);
        Assert.Equal(["1"], (await Catalog.GetTableVersionsAsync("sales", "orders")).Select(v => v.VersionId));
    }

    [Fact]
    public async Task Column_and_partition_key_names_are_folded_to_lower_case_as_Glue_stores_them()
    {
        await CreateDatabaseAsync();
        var input = CsvTable("orders", "Ingest_Date") with
        {
            StorageDescriptor = TableFormat.Csv().Describe("s3://raw/orders/", [new Column { Name = "OrderID", Type = "bigint" }]),
        };

        var table = await Catalog.CreateTableAsync("sales", input);

        Assert.Equal("orderid", Assert.Single(table.StorageDescriptor!.Columns!).Name);
        Assert.Equal("ingest_date", Assert.Single(table.PartitionKeys!).Name);
    }
}
