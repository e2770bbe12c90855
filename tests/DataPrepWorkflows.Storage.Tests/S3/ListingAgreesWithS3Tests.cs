using DataPrepWorkflows.Storage.Local;
using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Storage.Tests.S3;

/// <summary>
/// Differential check: the local folder's listing must page exactly like S3 (moto) for the same keys, whatever the
/// prefix, delimiter and page size.
/// </summary>
[Collection(MotoServerCollection.Name)]
public sealed class ListingAgreesWithS3Tests(MotoServerFixture moto) : IDisposable
{
    private const string Bucket = "listing-agreement";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dataprep-agree-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static IEnumerable<string> Keys()
    {
        var random = new Random(20260301);
        string[] parts = ["a", "a-b", "a.b", "b", "year=2024", "year=2025", "month=01", "x", "part-0.csv", "part-1.csv", "Z", "é"];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (keys.Count < 60)
        {
            var depth = random.Next(1, 4);
            var segments = Enumerable.Range(0, depth).Select(_ => parts[random.Next(parts.Length)]).ToList();
            segments[^1] += ".dat";
            keys.Add(string.Join('/', segments));
        }

        return keys;
    }

    private static async Task<List<string>> PagesAsync(IObjectStore store, string prefix, string? delimiter, int maxKeys)
    {
        var pages = new List<string>();
        var request = new ListObjectsRequest(S3Uri.Create(Bucket, prefix)) { Delimiter = delimiter, MaxKeys = maxKeys };
        do
        {
            var page = await store.ListAsync(request);
            var entries = page.Objects.Select(o => o.Key + " " + o.Size + " " + o.ETag).Concat(page.CommonPrefixes.Select(p => p.Key + " (prefix)"));
            pages.Add(string.Join(" | ", entries.Order(StringComparer.Ordinal)));
            request = request with { ContinuationToken = page.NextContinuationToken };
        }
        while (request.ContinuationToken is not null);

        return pages;
    }

    [Fact]
    public async Task Local_listing_pages_like_S3_for_every_prefix_delimiter_and_page_size()
    {
        using var s3 = ObjectStoreFactory.Create(new StorageOptions
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
        using var local = new LocalObjectStore(_root, TimeProvider.System);
        await s3.EnsureBucketAsync(Bucket);
        await local.EnsureBucketAsync(Bucket);
        var keys = Keys().ToList();
        Assert.DoesNotContain(keys, k => keys.Any(other => other.StartsWith(k + "/", StringComparison.Ordinal)));
        foreach (var key in keys)
        {
            var content = System.Text.Encoding.UTF8.GetBytes(key);
            await s3.WriteBytesAsync(S3Uri.Create(Bucket, key), content);
            await local.WriteBytesAsync(S3Uri.Create(Bucket, key), content);
        }

        foreach (var prefix in new[] { string.Empty, "a", "a/", "a-", "year=2024/", "x/a", "nothing/" })
        {
            foreach (var delimiter in new[] { null, "/", "=" })
            {
                foreach (var maxKeys in new[] { 1, 3, 1000 })
                {
                    var expected = await PagesAsync(s3, prefix, delimiter, maxKeys);
                    var actual = await PagesAsync(local, prefix, delimiter, maxKeys);
                    Assert.True(expected.SequenceEqual(actual), $"prefix '{prefix}', delimiter '{delimiter}', max {maxKeys}:{Environment.NewLine}S3:    {string.Join(Environment.NewLine + "       ", expected)}{Environment.NewLine}local: {string.Join(Environment.NewLine + "       ", actual)}");
                }
            }
        }
    }
}
