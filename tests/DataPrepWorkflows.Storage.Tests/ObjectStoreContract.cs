using System.Security.Cryptography;
using System.Text;

namespace DataPrepWorkflows.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IObjectStore"/> must have. Each implementation gets a concrete subclass; each test
/// works in a bucket of its own.
/// </summary>
public abstract class ObjectStoreContract : IAsyncLifetime
{
    private IObjectStore? _store;

    protected IObjectStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    protected string Bucket { get; } = "contract-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        _store = CreateStore();
        await Store.EnsureBucketAsync(Bucket);
    }

    public Task DisposeAsync()
    {
        _store?.Dispose();
        return Task.CompletedTask;
    }

    protected abstract IObjectStore CreateStore();

    protected S3Uri Uri(string key) => S3Uri.Create(Bucket, key);

    protected static string QuotedMd5(byte[] content) => "\"" + Convert.ToHexStringLower(MD5.HashData(content)) + "\"";

    private async Task WriteTextAsync(string key, string text) =>
        await Store.WriteBytesAsync(Uri(key), Encoding.UTF8.GetBytes(text));

    private async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var item in Store.ListAllAsync(Uri(prefix)))
        {
            keys.Add(item.Key);
        }

        return keys;
    }

    [Fact]
    public async Task Write_then_read_returns_the_same_bytes_and_head_reports_size_and_md5_etag()
    {
        var content = Encoding.UTF8.GetBytes("id,amount\n1,10.5\n");

        var written = await Store.WriteBytesAsync(Uri("loans/part-0.csv"), content);
        var read = await Store.ReadAllBytesAsync(Uri("loans/part-0.csv"));
        var head = await Store.HeadAsync(Uri("loans/part-0.csv"));

        Assert.Equal(content, read);
        Assert.NotNull(head);
        Assert.Equal(content.Length, head.Size);
        Assert.Equal(QuotedMd5(content), head.ETag);
        Assert.Equal(head, written);
        Assert.Equal(0, head.LastModified.Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public async Task Write_replaces_the_previous_content()
    {
        await WriteTextAsync("a.txt", "first");
        await WriteTextAsync("a.txt", "second version");

        Assert.Equal("second version", Encoding.UTF8.GetString(await Store.ReadAllBytesAsync(Uri("a.txt"))));
        Assert.Equal(["a.txt"], await KeysAsync(string.Empty));
    }

    [Fact]
    public async Task Writer_callback_streams_a_large_object()
    {
        var block = RandomNumberGenerator.GetBytes(1 << 20);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        for (var i = 0; i < 6; i++)
        {
            md5.AppendData(block);
        }

        var info = await Store.WriteAsync(Uri("big/blob.bin"), async (stream, ct) =>
        {
            for (var i = 0; i < 6; i++)
            {
                await stream.WriteAsync(block, ct);
            }
        });

        Assert.Equal(6L << 20, info.Size);
        Assert.Equal("\"" + Convert.ToHexStringLower(md5.GetCurrentHash()) + "\"", info.ETag);
        await using var read = await Store.OpenReadAsync(Uri("big/blob.bin"));
        var hash = await MD5.HashDataAsync(read);
        Assert.Equal(md5.GetCurrentHash(), hash);
    }

    [Fact]
    public async Task Head_and_exists_report_a_missing_object()
    {
        Assert.Null(await Store.HeadAsync(Uri("missing.csv")));
        Assert.False(await Store.ExistsAsync(Uri("missing.csv")));
        await WriteTextAsync("present.csv", "x");
        Assert.True(await Store.ExistsAsync(Uri("present.csv")));
    }

    [Fact]
    public async Task OpenRead_of_a_missing_object_fails_with_NoSuchKey()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.OpenReadAsync(Uri("nope/missing.csv")));

        Assert.Equal(StorageErrorCodes.NoSuchKey, error.Code);
        Assert.Contains("nope/missing.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_on_a_missing_bucket_fail_with_NoSuchBucket()
    {
        var missing = S3Uri.Create("missing-" + Guid.NewGuid().ToString("N")[..12], "k.csv");

        var list = await Assert.ThrowsAsync<StorageException>(() => Store.ListAsync(new ListObjectsRequest(missing)));
        var read = await Assert.ThrowsAsync<StorageException>(() => Store.OpenReadAsync(missing));
        var head = await Assert.ThrowsAsync<StorageException>(() => Store.HeadAsync(missing));

        Assert.Equal(StorageErrorCodes.NoSuchBucket, list.Code);
        Assert.Equal(StorageErrorCodes.NoSuchBucket, read.Code);
        Assert.Equal(StorageErrorCodes.NoSuchBucket, head.Code);
    }

    [Fact]
    public async Task List_by_prefix_returns_only_matching_keys_in_key_order()
    {
        foreach (var key in new[] { "raw/b.csv", "raw/a.csv", "raw/sub/c.csv", "rawer/d.csv", "other/e.csv" })
        {
            await WriteTextAsync(key, key);
        }

        Assert.Equal(["raw/a.csv", "raw/b.csv", "raw/sub/c.csv"], await KeysAsync("raw/"));
        Assert.Equal(["raw/a.csv", "raw/b.csv", "raw/sub/c.csv", "rawer/d.csv"], await KeysAsync("raw"));
        Assert.Equal(["raw/a.csv"], await KeysAsync("raw/a"));
        Assert.Empty(await KeysAsync("nothing/"));
    }

    [Fact]
    public async Task List_pages_with_continuation_tokens_without_gaps_or_repeats()
    {
        var expected = Enumerable.Range(0, 7).Select(i => $"p/{i:00}.csv").ToList();
        foreach (var key in expected)
        {
            await WriteTextAsync(key, key);
        }

        var request = new ListObjectsRequest(Uri("p/")) { MaxKeys = 3 };
        var pages = new List<ObjectListing>();
        do
        {
            var page = await Store.ListAsync(request);
            pages.Add(page);
            request = request with { ContinuationToken = page.NextContinuationToken };
        }
        while (request.ContinuationToken is not null);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Objects.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.IsTruncated));
        Assert.Equal(expected, pages.SelectMany(p => p.Objects).Select(o => o.Key));
    }

    [Fact]
    public async Task List_with_delimiter_rolls_keys_up_into_folders()
    {
        foreach (var key in new[] { "a/1.csv", "a/2.csv", "b/x/1.csv", "b/y.csv", "c.csv" })
        {
            await WriteTextAsync(key, key);
        }

        var root = await Store.ListAsync(new ListObjectsRequest(Uri(string.Empty)) { Delimiter = "/" });
        var b = await Store.ListAsync(new ListObjectsRequest(Uri("b/")) { Delimiter = "/" });

        Assert.Equal(["c.csv"], root.Objects.Select(o => o.Key));
        Assert.Equal(["a/", "b/"], root.CommonPrefixes.Select(p => p.Key));
        Assert.Equal(["b/y.csv"], b.Objects.Select(o => o.Key));
        Assert.Equal(["b/x/"], b.CommonPrefixes.Select(p => p.Key));
    }

    [Fact]
    public async Task List_with_delimiter_pages_over_folders_counting_each_folder_once()
    {
        foreach (var key in new[] { "d/a/1", "d/a/2", "d/b/1", "d/c", "d/e/1", "d/e/2" })
        {
            await WriteTextAsync(key, key);
        }

        var request = new ListObjectsRequest(Uri("d/")) { Delimiter = "/", MaxKeys = 2 };
        var entries = new List<string>();
        do
        {
            var page = await Store.ListAsync(request);
            Assert.True(page.Objects.Count + page.CommonPrefixes.Count <= 2);
            entries.AddRange(page.CommonPrefixes.Select(p => p.Key).Concat(page.Objects.Select(o => o.Key)));
            request = request with { ContinuationToken = page.NextContinuationToken };
        }
        while (request.ContinuationToken is not null);

        Assert.Equal(["d/a/", "d/b/", "d/c", "d/e/"], entries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Copy_duplicates_content_and_etag_and_keeps_the_source()
    {
        await WriteTextAsync("src/data.csv", "a,b\n1,2\n");

        var copy = await Store.CopyAsync(Uri("src/data.csv"), Uri("dst/data.csv"));
        var source = await Store.HeadAsync(Uri("src/data.csv"));

        Assert.Equal(source!.ETag, copy.ETag);
        Assert.Equal(source.Size, copy.Size);
        Assert.Equal("a,b\n1,2\n", Encoding.UTF8.GetString(await Store.ReadAllBytesAsync(Uri("dst/data.csv"))));
    }

    [Fact]
    public async Task Copy_of_a_missing_source_fails_with_NoSuchKey()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.CopyAsync(Uri("none.csv"), Uri("dst.csv")));

        Assert.Equal(StorageErrorCodes.NoSuchKey, error.Code);
        Assert.False(await Store.ExistsAsync(Uri("dst.csv")));
    }

    [Fact]
    public async Task Delete_removes_the_object_and_deleting_again_succeeds()
    {
        await WriteTextAsync("x/y/z.csv", "z");
        await WriteTextAsync("x/keep.csv", "k");

        await Store.DeleteAsync(Uri("x/y/z.csv"));
        await Store.DeleteAsync(Uri("x/y/z.csv"));

        Assert.False(await Store.ExistsAsync(Uri("x/y/z.csv")));
        Assert.Equal(["x/keep.csv"], await KeysAsync("x/"));
        var folders = await Store.ListAsync(new ListObjectsRequest(Uri("x/")) { Delimiter = "/" });
        Assert.Empty(folders.CommonPrefixes);
    }

    [Fact]
    public async Task A_write_whose_source_fails_midway_leaves_no_object()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Store.WriteAsync(Uri("half/file.csv"), new ThrowingStream(200_000)));

        Assert.IsType<IOException>(error is StorageException s ? s.InnerException ?? s : error, exactMatch: false);
        Assert.False(await Store.ExistsAsync(Uri("half/file.csv")));
        Assert.Empty(await KeysAsync(string.Empty));
    }

    [Fact]
    public async Task A_writer_that_throws_midway_keeps_the_previous_version()
    {
        await WriteTextAsync("keep/file.csv", "old");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.WriteAsync(Uri("keep/file.csv"), async (stream, ct) =>
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("new partial content"), ct);
            throw new InvalidOperationException("writer crashed");
        }));

        Assert.Equal("old", Encoding.UTF8.GetString(await Store.ReadAllBytesAsync(Uri("keep/file.csv"))));
        Assert.Equal(["keep/file.csv"], await KeysAsync(string.Empty));
    }

    [Fact]
    public async Task A_cancelled_write_leaves_no_object()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store.WriteAsync(Uri("cancelled.csv"), new MemoryStream([1, 2, 3]), cancel.Token));

        Assert.False(await Store.ExistsAsync(Uri("cancelled.csv")));
    }

    [Fact]
    public async Task Object_operations_on_a_folder_uri_fail_with_InvalidKey()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.WriteBytesAsync(Uri("folder/"), new byte[] { 1 }));

        Assert.Equal(StorageErrorCodes.InvalidKey, error.Code);
    }

    [Fact]
    public async Task Keys_with_spaces_unicode_and_percent_signs_round_trip_unchanged()
    {
        const string key = "landing zone/région=Île-de-France/50% sample+v2.csv";

        await WriteTextAsync(key, "ok");

        Assert.Equal([key], await KeysAsync("landing zone/"));
        Assert.Equal("ok", Encoding.UTF8.GetString(await Store.ReadAllBytesAsync(Uri(key))));
    }

    [Fact]
    public async Task A_writer_that_disposes_the_stream_it_was_given_still_commits()
    {
        var info = await Store.WriteAsync(Uri("text/out.csv"), async (stream, ct) =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            await writer.WriteAsync("id,name\n1,Ada\n");
        });

        Assert.Equal(QuotedMd5(Encoding.UTF8.GetBytes("id,name\n1,Ada\n")), info.ETag);
        Assert.Equal("id,name\n1,Ada\n", Encoding.UTF8.GetString(await Store.ReadAllBytesAsync(Uri("text/out.csv"))));
    }
}
