using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using DataPrepWorkflows.Storage.S3;

namespace DataPrepWorkflows.Storage.Tests.S3;

/// <summary>Failures before S3 answers become storage errors that say what to check.</summary>
public sealed class S3FailureTests
{
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_with_Unreachable_naming_the_setting()
    {
        using var store = ObjectStoreFactory.Create(new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions
            {
                ServiceUrl = $"http://127.0.0.1:{ClosedPort()}",
                ForcePathStyle = true,
                AccessKeyId = "testing",
                SecretAccessKey = "testing",
                MaxErrorRetry = 0,
            },
        });

        var error = await Assert.ThrowsAsync<StorageException>(() => store.ListAsync(new ListObjectsRequest(S3Uri.Parse("s3://raw/"))));

        Assert.Equal(StorageErrorCodes.Unreachable, error.Code);
        Assert.Contains("Storage:S3:ServiceUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_credentials_fail_with_NoCredentials_saying_where_to_set_them()
    {
        var error = S3Errors.ClientSide(new AmazonClientException("Failed to resolve AWS credentials."), S3Uri.Parse("s3://raw/a.csv"));

        Assert.Equal(StorageErrorCodes.NoCredentials, error.Code);
        Assert.Contains("Storage:S3:AccessKeyId", error.Message, StringComparison.Ordinal);
        Assert.Contains("s3://raw/a.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_errors_are_not_mistaken_for_client_side_failures() =>
        Assert.False(S3Errors.IsClientSide(new AmazonServiceException("Access Denied")));

    [Fact]
    public void A_named_profile_that_does_not_exist_is_a_configuration_error()
    {
        var options = new StorageOptions { Provider = StorageProvider.S3, S3 = new S3StorageOptions { Profile = "no-such-profile-" + Guid.NewGuid().ToString("N") } };

        var error = Assert.Throws<StorageException>(() => ObjectStoreFactory.Create(options));

        Assert.Equal(StorageErrorCodes.InvalidConfiguration, error.Code);
        Assert.Contains("aws configure --profile", error.Message, StringComparison.Ordinal);
    }
}
