using DataPrepWorkflows.Storage.Local;
using DataPrepWorkflows.Storage.S3;

namespace DataPrepWorkflows.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Defaults_are_the_local_folder_under_dataprep()
    {
        var options = new StorageOptions();

        Assert.Equal(StorageProvider.Local, options.Provider);
        Assert.Equal(".dataprep/s3", options.LocalRoot);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Factory_resolves_a_relative_local_root_against_the_base_directory()
    {
        var baseDirectory = Path.Combine(Path.GetTempPath(), "dataprep-factory");

        using var store = ObjectStoreFactory.Create(new StorageOptions(), baseDirectory: baseDirectory);

        var local = Assert.IsType<LocalObjectStore>(store);
        Assert.Equal(Path.Combine(baseDirectory, ".dataprep", "s3"), local.RootPath);
    }

    [Fact]
    public void Factory_creates_an_s3_store_for_the_s3_provider()
    {
        using var store = ObjectStoreFactory.Create(new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions { ServiceUrl = "http://127.0.0.1:1", ForcePathStyle = true, AccessKeyId = "a", SecretAccessKey = "b" },
        });

        Assert.IsType<S3ObjectStore>(store);
    }

    [Fact]
    public void Half_given_explicit_credentials_are_rejected_with_the_setting_named()
    {
        var options = new StorageOptions { Provider = StorageProvider.S3, S3 = new S3StorageOptions { AccessKeyId = "only-the-id" } };

        var error = Assert.Throws<StorageException>(() => ObjectStoreFactory.Create(options));

        Assert.Equal(StorageErrorCodes.InvalidConfiguration, error.Code);
        Assert.Contains("Storage:S3:SecretAccessKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_service_url_is_rejected()
    {
        var options = new StorageOptions { Provider = StorageProvider.S3, S3 = new S3StorageOptions { ServiceUrl = "not a url" } };

        Assert.Contains(options.Validate(), p => p.Contains("Storage:S3:ServiceUrl", StringComparison.Ordinal));
    }
}
