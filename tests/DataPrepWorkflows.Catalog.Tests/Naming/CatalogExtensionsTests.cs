namespace DataPrepWorkflows.Catalog.Tests.Naming;

public sealed class CatalogExtensionsTests : CatalogTestBase
{
    [Fact]
    public async Task Tables_can_be_created_and_read_by_database_dot_table()
    {
        var name = QualifiedTableName.Parse("Curated.Loans_Clean");

        await Catalog.CreateTableAsync(name, CsvTable("ignored"));
        var table = await Catalog.GetTableAsync(name);

        Assert.Equal("loans_clean", table.Name);
        Assert.Equal("curated", table.DatabaseName);
        Assert.NotNull(await Catalog.GetDatabaseAsync("curated"));
        Assert.Null(await Catalog.FindTableAsync(QualifiedTableName.Parse("curated.other")));
    }

    [Fact]
    public async Task Creating_by_qualified_name_reuses_an_existing_database()
    {
        await Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "curated", Description = "kept" });

        await Catalog.CreateTableAsync(QualifiedTableName.Parse("curated.a"), CsvTable("a"));

        Assert.Equal("kept", (await Catalog.GetDatabaseAsync("curated")).Description);
    }
}
