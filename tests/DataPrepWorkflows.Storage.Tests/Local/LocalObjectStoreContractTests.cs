using DataPrepWorkflows.Storage.Local;

namespace DataPrepWorkflows.Storage.Tests.Local;

public sealed class LocalObjectStoreContractTests : ObjectStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dataprep-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    protected override IObjectStore CreateStore() => new LocalObjectStore(_root, TimeProvider.System);
}
