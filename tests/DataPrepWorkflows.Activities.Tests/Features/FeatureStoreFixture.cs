using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Features;
using DataPrepWorkflows.Activities.Tests.Fixtures;

namespace DataPrepWorkflows.Activities.Tests.Features;

/// <summary>Real local backends (folder storage, SQLite catalog, DuckDB) in a temporary folder, with a feature store over them.</summary>
public sealed class FeatureStoreFixture : IAsyncDisposable
{
    public const string CustomersJson = """
        {"FeatureGroupName": "customers-fg", "RecordIdentifierFeatureName": "customer_id", "EventTimeFeatureName": "event_time",
         "FeatureDefinitions": [{"FeatureName": "customer_id", "FeatureType": "String"},
                                {"FeatureName": "event_time", "FeatureType": "String"},
                                {"FeatureName": "orders_30d", "FeatureType": "Integral"},
                                {"FeatureName": "avg_spend", "FeatureType": "Fractional"}],
         "OnlineStoreConfig": {"EnableOnlineStore": true},
         "OfflineStoreConfig": {"S3StorageConfig": {"S3Uri": "s3://fs-offline-bucket/prefix"}},
         "RoleArn": "arn:aws:iam::111122223333:role/FeatureStoreRole",
         "Description": "Customer purchase features"}
        """;

    private FeatureStoreFixture(string root, DataBackends backends)
    {
        Root = root;
        Backends = backends;
        Store = FeatureStore.Open(backends, new FeatureStoreOptions { Account = "111122223333", Region = "eu-west-1", Clock = Clock });
    }

    public string Root { get; }

    public DataBackends Backends { get; }

    /// <summary>Starts 2026-01-15T09:00:00Z; creation epoch 1768467600.</summary>
    public ManualClock Clock { get; } = new();

    public FeatureStore Store { get; }

    public static async Task<FeatureStoreFixture> CreateAsync()
    {
        var root = Directory.CreateTempSubdirectory("features-tests-").FullName;
        return new FeatureStoreFixture(root, await DataBackends.OpenLocalAsync(root));
    }

    public static FeatureGroupDefinition Definition(string json = CustomersJson)
    {
        var read = FeatureGroupReader.Read(json);
        Assert.True(read.Success, string.Join("\n", read.Diagnostics));
        return read.Group!;
    }

    public RegisteredFeatureGroup CreateCustomers() => Store.CreateFeatureGroup(Definition());

    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, "input", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        Backends.Dispose();
        await Task.Yield();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A DuckDB or SQLite handle released late keeps a file for a moment; the OS cleans its temp folder.
        }
    }
}
