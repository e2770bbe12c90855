using System.Security.Cryptography;
using System.Text;
using DataPrepWorkflows.Storage.Local;

namespace DataPrepWorkflows.Storage.Tests.Local;

/// <summary>What only the folder store has: its layout on disk, temporary files, unsafe keys and its clock.</summary>
public sealed class LocalObjectStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dataprep-local-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Noon.AddMilliseconds(750));
    private readonly LocalObjectStore _store;

    public LocalObjectStoreTests() => _store = new LocalObjectStore(_root, _time);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Objects_are_files_under_one_folder_per_bucket()
    {
        await _store.WriteBytesAsync(S3Uri.Parse("s3://raw/loans/a.csv"), "x"u8.ToArray());

        Assert.Equal("x", await File.ReadAllTextAsync(Path.Combine(_root, "raw", "loans", "a.csv")));
    }

    [Fact]
    public async Task Writing_to_a_new_bucket_creates_its_folder()
    {
        await _store.WriteBytesAsync(S3Uri.Parse("s3://fresh-bucket/a.csv"), "x"u8.ToArray());

        Assert.True(Directory.Exists(Path.Combine(_root, "fresh-bucket")));
    }

    [Fact]
    public async Task Last_modified_comes_from_the_clock_in_whole_seconds()
    {
        var written = await _store.WriteBytesAsync(S3Uri.Parse("s3://raw/a.csv"), "x"u8.ToArray());
        _time.Now = Noon.AddHours(1);
        var later = await _store.WriteBytesAsync(S3Uri.Parse("s3://raw/b.csv"), "y"u8.ToArray());

        Assert.Equal(Noon, written.LastModified);
        Assert.Equal(Noon.AddHours(1), later.LastModified);
        Assert.Equal(Noon, (await _store.HeadAsync(S3Uri.Parse("s3://raw/a.csv")))!.LastModified);
    }

    [Fact]
    public async Task Temporary_files_of_writes_in_progress_are_invisible()
    {
        await _store.WriteBytesAsync(S3Uri.Parse("s3://raw/in/done.csv"), "done"u8.ToArray());
        var inProgress = TemporaryName.For(Path.Combine(_root, "raw", "in", "next.csv"));
        await File.WriteAllTextAsync(inProgress, "half");

        var listing = await _store.ListAsync(new ListObjectsRequest(S3Uri.Parse("s3://raw/")));

        Assert.Equal(["in/done.csv"], listing.Objects.Select(o => o.Key));
        Assert.StartsWith(".next.csv.dataprep-tmp-", Path.GetFileName(inProgress), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_write_leaves_no_file_at_all_in_the_folder()
    {
        var uri = S3Uri.Parse("s3://raw/crash/out.csv");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.WriteAsync(uri, async (stream, ct) =>
        {
            await stream.WriteAsync(new byte[100_000], ct);
            throw new InvalidOperationException("crash");
        }));

        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "raw"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Etag_of_a_file_placed_by_hand_is_its_md5_and_follows_changes()
    {
        Directory.CreateDirectory(Path.Combine(_root, "raw"));
        var path = Path.Combine(_root, "raw", "manual.csv");
        await File.WriteAllTextAsync(path, "one");
        var first = await _store.HeadAsync(S3Uri.Parse("s3://raw/manual.csv"));
        await File.WriteAllTextAsync(path, "three");
        File.SetLastWriteTimeUtc(path, Noon.AddDays(1).UtcDateTime);
        var second = await _store.HeadAsync(S3Uri.Parse("s3://raw/manual.csv"));

        Assert.Equal("\"" + Convert.ToHexStringLower(MD5.HashData("one"u8)) + "\"", first!.ETag);
        Assert.Equal("\"" + Convert.ToHexStringLower(MD5.HashData("three"u8)) + "\"", second!.ETag);
        Assert.Equal(5, second.Size);
    }

    [Theory]
    [InlineData("s3://raw/../escape.csv")]
    [InlineData("s3://raw/a/../../escape.csv")]
    [InlineData("s3://raw/a/./b.csv")]
    [InlineData("s3://raw/a//b.csv")]
    [InlineData("s3://raw//etc/passwd")]
    [InlineData("s3://raw/a\\b.csv")]
    [InlineData("s3://raw/.b.csv.dataprep-tmp-0123")]
    [InlineData("s3://raw/folder/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.csv")]
    public async Task Unsafe_keys_are_rejected_before_touching_the_disk(string text)
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => _store.WriteBytesAsync(S3Uri.Parse(text), "x"u8.ToArray()));

        Assert.Equal(StorageErrorCodes.InvalidKey, error.Code);
        Assert.False(File.Exists(Path.Combine(_root, "escape.csv")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "escape.csv")));
    }

    [Fact]
    public async Task A_key_that_is_also_a_folder_is_a_clear_conflict()
    {
        await _store.WriteBytesAsync(S3Uri.Parse("s3://raw/a/b.csv"), "x"u8.ToArray());

        var asFile = await Assert.ThrowsAsync<StorageException>(() => _store.WriteBytesAsync(S3Uri.Parse("s3://raw/a"), "y"u8.ToArray()));
        var underFile = await Assert.ThrowsAsync<StorageException>(() => _store.WriteBytesAsync(S3Uri.Parse("s3://raw/a/b.csv/c"), "z"u8.ToArray()));

        Assert.Equal(StorageErrorCodes.KeyConflict, asFile.Code);
        Assert.Equal(StorageErrorCodes.KeyConflict, underFile.Code);
    }

    [Fact]
    public async Task Deleting_the_last_key_of_a_folder_removes_the_folder()
    {
        await _store.WriteBytesAsync(S3Uri.Parse("s3://raw/a/b/c.csv"), "x"u8.ToArray());

        await _store.DeleteAsync(S3Uri.Parse("s3://raw/a/b/c.csv"));

        Assert.False(Directory.Exists(Path.Combine(_root, "raw", "a")));
        Assert.True(Directory.Exists(Path.Combine(_root, "raw")));
    }

    [Fact]
    public async Task A_continuation_token_from_elsewhere_is_rejected_with_a_code()
    {
        await _store.EnsureBucketAsync("raw");

        var error = await Assert.ThrowsAsync<StorageException>(() =>
            _store.ListAsync(new ListObjectsRequest(S3Uri.Parse("s3://raw/")) { ContinuationToken = "%%%" }));

        Assert.Equal(StorageErrorCodes.InvalidContinuationToken, error.Code);
    }

    [Fact]
    public async Task Keys_are_listed_in_utf8_byte_order()
    {
        foreach (var key in new[] { "\U0001F600.csv", "\uFF21.csv", "a.csv" })
        {
            await _store.WriteBytesAsync(S3Uri.Create("raw", key), Encoding.UTF8.GetBytes(key));
        }

        var listing = await _store.ListAsync(new ListObjectsRequest(S3Uri.Parse("s3://raw/")));

        Assert.Equal(["a.csv", "\uFF21.csv", "\U0001F600.csv"], listing.Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Local_paths_let_engines_read_objects_in_place()
    {
        await _store.WriteBytesAsync(S3Uri.Parse("s3://raw/loans/a.csv"), "id\n1\n"u8.ToArray());
        ILocalObjectFiles files = _store;

        Assert.Equal("id\n1\n", await File.ReadAllTextAsync(files.GetPath(S3Uri.Parse("s3://raw/loans/a.csv"))));
        Assert.Equal(Path.Combine(_root, "raw", "loans") + Path.DirectorySeparatorChar, files.GetPath(S3Uri.Parse("s3://raw/loans/")));
        Assert.Equal(Path.Combine(_root, "raw"), files.GetPath(S3Uri.Parse("s3://raw")));
        Assert.Equal(StorageErrorCodes.InvalidKey, Assert.Throws<StorageException>(() => files.GetPath(S3Uri.Parse("s3://raw/../x/"))).Code);
    }

    [Fact]
    public async Task A_name_at_the_file_system_limit_is_written_atomically()
    {
        var uri = S3Uri.Create("raw", "long/" + new string('n', 251) + ".csv");

        await _store.WriteBytesAsync(uri, "x"u8.ToArray());

        Assert.Equal(255, uri.Name.Length);
        Assert.True(await _store.ExistsAsync(uri));
    }
}
