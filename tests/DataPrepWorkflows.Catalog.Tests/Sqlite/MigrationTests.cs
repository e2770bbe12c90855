using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Catalog.Tests.Sqlite;

public sealed class MigrationTests : CatalogTestBase
{
    private async Task<List<long>> AppliedVersionsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Options.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<long>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }

    [Fact]
    public async Task A_new_file_is_created_with_every_migration_recorded()
    {
        Assert.True(File.Exists(Options.Path));
        Assert.Equal([1L], await AppliedVersionsAsync());
    }

    [Fact]
    public async Task Reopening_applies_nothing_twice_and_keeps_the_data()
    {
        await CreateDatabaseAsync("sales");
        await Catalog.CreateTableAsync("sales", CsvTable("orders", "year"));
        await Catalog.BatchCreatePartitionAsync("sales", "orders", [new PartitionInput { Values = ["2024"] }]);

        var reopened = await OpenAsync();
        _ = await OpenAsync();

        Assert.Equal([1L], await AppliedVersionsAsync());
        Assert.Equal("orders", (await reopened.GetTableAsync("sales", "orders")).Name);
        Assert.Single(await reopened.GetPartitionsAsync("sales", "orders"));
    }

    [Fact]
    public async Task A_file_from_a_newer_version_is_refused_without_changes()
    {
        await using (var connection = new SqliteConnection($"Data Source={Options.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 'later')";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<CatalogException>(OpenAsync);

        Assert.Equal(CatalogErrorCodes.UnsupportedSchemaVersion, error.Code);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 99L], await AppliedVersionsAsync());
    }

    [Fact]
    public async Task The_default_path_is_under_dataprep()
    {
        Assert.Equal(".dataprep/catalog.db", new CatalogOptions().Path);

        var catalog = await CatalogFactory.OpenLocalAsync(new CatalogOptions(), Time, baseDirectory: Folder);

        Assert.NotNull(catalog);
        Assert.True(File.Exists(Path.Combine(Folder, ".dataprep", "catalog.db")));
    }
}
