namespace DataPrepWorkflows.Catalog.Tests;

/// <summary>A fresh catalog file in a temporary folder for each test, on a fake clock.</summary>
public abstract class CatalogTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, 250, TimeSpan.Zero);

    private ICatalog? _catalog;

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "dataprep-catalog-" + Guid.NewGuid().ToString("N"));

    protected FakeTimeProvider Time { get; } = new(Start);

    protected ICatalog Catalog => _catalog ?? throw new InvalidOperationException("Not initialised.");

    protected CatalogOptions Options => new() { Path = Path.Combine(Folder, "catalog.db") };

    public async Task InitializeAsync() => _catalog = await OpenAsync();

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    protected Task<ICatalog> OpenAsync() => CatalogFactory.OpenLocalAsync(Options, Time);

    protected static TableInput CsvTable(string name, params string[] partitionKeys) => new()
    {
        Name = name,
        TableType = Table.ExternalTable,
        StorageDescriptor = TableFormat.Csv().Describe(
            "s3://raw/" + name.ToLowerInvariant() + "/",
            [new Column { Name = "id", Type = "bigint" }, new Column { Name = "amount", Type = "double" }]),
        PartitionKeys = partitionKeys.Select(k => new Column { Name = k, Type = "string" }).ToList(),
        Parameters = new Dictionary<string, string> { [TableParameters.Classification] = "csv" },
    };

    protected async Task<Database> CreateDatabaseAsync(string name = "sales") =>
        await Catalog.CreateDatabaseAsync(new DatabaseInput { Name = name });
}
