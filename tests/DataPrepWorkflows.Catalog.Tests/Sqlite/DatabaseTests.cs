namespace DataPrepWorkflows.Catalog.Tests.Sqlite;

public sealed class DatabaseTests : CatalogTestBase
{
    [Fact]
    public async Task Create_then_get_returns_the_database_with_a_lower_cased_name_and_create_time()
    {
        await Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "DataPrep_Dev", Description = "dev", LocationUri = "s3://curated/" });

        var database = await Catalog.GetDatabaseAsync("dataprep_DEV");

        Assert.Equal("dataprep_dev", database.Name);
        Assert.Equal("dev", database.Description);
        Assert.Equal("s3://curated/", database.LocationUri);
        Assert.Equal(Start, database.CreateTime);
    }

    [Fact]
    public async Task Creating_an_existing_database_fails_with_AlreadyExistsException()
    {
        await CreateDatabaseAsync("sales");

        var error = await Assert.ThrowsAsync<CatalogException>(() => Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "SALES" }));

        Assert.Equal(CatalogErrorCodes.AlreadyExists, error.Code);
    }

    [Fact]
    public async Task Getting_a_missing_database_fails_with_EntityNotFoundException_and_find_returns_null()
    {
        var error = await Assert.ThrowsAsync<CatalogException>(() => Catalog.GetDatabaseAsync("nope"));

        Assert.Equal(CatalogErrorCodes.EntityNotFound, error.Code);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
        Assert.Null(await Catalog.FindDatabaseAsync("nope"));
    }

    [Fact]
    public async Task Databases_are_listed_by_name()
    {
        await CreateDatabaseAsync("zeta");
        await CreateDatabaseAsync("alpha");

        Assert.Equal(["alpha", "zeta"], (await Catalog.GetDatabasesAsync()).Select(d => d.Name));
    }

    [Fact]
    public async Task Update_replaces_the_definition_and_keeps_the_create_time()
    {
        await CreateDatabaseAsync("sales");
        Time.Now = Start.AddDays(1);

        var updated = await Catalog.UpdateDatabaseAsync("sales", new DatabaseInput
        {
            Name = "Sales",
            Description = "curated sales",
            Parameters = new Dictionary<string, string> { ["owner"] = "data-eng" },
        });

        Assert.Equal(Start, updated.CreateTime);
        Assert.Equal("curated sales", (await Catalog.GetDatabaseAsync("sales")).Description);
        Assert.Equal("data-eng", (await Catalog.GetDatabaseAsync("sales")).Parameters!["owner"]);
    }

    [Fact]
    public async Task Update_cannot_rename_and_cannot_target_a_missing_database()
    {
        await CreateDatabaseAsync("sales");

        var rename = await Assert.ThrowsAsync<CatalogException>(() => Catalog.UpdateDatabaseAsync("sales", new DatabaseInput { Name = "other" }));
        var missing = await Assert.ThrowsAsync<CatalogException>(() => Catalog.UpdateDatabaseAsync("ghost", new DatabaseInput { Name = "ghost" }));

        Assert.Equal(CatalogErrorCodes.InvalidInput, rename.Code);
        Assert.Equal(CatalogErrorCodes.EntityNotFound, missing.Code);
    }

    [Fact]
    public async Task Deleting_a_database_deletes_its_tables_versions_and_partitions()
    {
        await CreateDatabaseAsync("sales");
        await Catalog.CreateTableAsync("sales", CsvTable("orders", "year"));
        await Catalog.BatchCreatePartitionAsync("sales", "orders", [new PartitionInput { Values = ["2024"] }]);

        await Catalog.DeleteDatabaseAsync("sales");
        await CreateDatabaseAsync("sales");

        Assert.Empty(await Catalog.GetTablesAsync("sales"));
        await Catalog.CreateTableAsync("sales", CsvTable("orders", "year"));
        Assert.Empty(await Catalog.GetPartitionsAsync("sales", "orders"));
        Assert.Single(await Catalog.GetTableVersionsAsync("sales", "orders"));
    }

    [Fact]
    public async Task Deleting_a_missing_database_fails_with_EntityNotFoundException() =>
        Assert.Equal(CatalogErrorCodes.EntityNotFound, (await Assert.ThrowsAsync<CatalogException>(() => Catalog.DeleteDatabaseAsync("ghost"))).Code);

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dotted.name")]
    [InlineData("semi;colon")]
    public async Task Invalid_names_fail_with_InvalidInputException(string name) =>
        Assert.Equal(CatalogErrorCodes.InvalidInput, (await Assert.ThrowsAsync<CatalogException>(() => Catalog.CreateDatabaseAsync(new DatabaseInput { Name = name }))).Code);
}
