using System.Net.Sockets;
using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Storage.Tests.MotoServer;

public sealed class MotoServerFixtureTests
{
    [Fact]
    public async Task Fixture_starts_moto_on_a_loopback_port_and_stops_it_on_dispose()
    {
        var moto = new MotoServerFixture();
        await moto.InitializeAsync();
        var port = moto.Port;
        using (var http = new HttpClient())
        {
            using var response = await http.GetAsync(new Uri(moto.ServiceUrl + "/moto-api/"));
            Assert.True(response.IsSuccessStatusCode, moto.Output);
        }

        await moto.DisposeAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public async Task Reset_clears_buckets()
    {
        var moto = new MotoServerFixture();
        await moto.InitializeAsync();
        try
        {
            using var store = ObjectStoreFactory.Create(new StorageOptions
            {
                Provider = StorageProvider.S3,
                S3 = new S3StorageOptions
                {
                    ServiceUrl = moto.ServiceUrl,
                    ForcePathStyle = true,
                    AccessKeyId = MotoServerFixture.AccessKeyId,
                    SecretAccessKey = MotoServerFixture.SecretAccessKey,
                },
            });
            await store.WriteBytesAsync(await BucketAsync(store), "x"u8.ToArray());

            await moto.ResetAsync();

            var error = await Assert.ThrowsAsync<StorageException>(() => store.ListAsync(new ListObjectsRequest(S3Uri.Parse("s3://reset-check/"))));
            Assert.Equal(StorageErrorCodes.NoSuchBucket, error.Code);
        }
        finally
        {
            await moto.DisposeAsync();
        }
    }

    private static async Task<S3Uri> BucketAsync(IObjectStore store)
    {
        await store.EnsureBucketAsync("reset-check");
        return S3Uri.Parse("s3://reset-check/a.csv");
    }
}
