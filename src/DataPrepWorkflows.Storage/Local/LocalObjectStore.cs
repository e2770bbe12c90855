using System.Security.Cryptography;

namespace DataPrepWorkflows.Storage.Local;

/// <summary>
/// The embedded default: a folder standing in for S3, one sub-folder per bucket, keys as relative paths. Writes go to
/// a temporary name in the object's folder and are renamed into place, so a crash never leaves a partial object.
/// Writing to a bucket that does not exist creates its folder, which keeps first runs on a laptop friction-free.
/// </summary>
internal sealed class LocalObjectStore(string root, TimeProvider timeProvider) : IObjectStore, ILocalObjectFiles
{
    private const int BufferSize = 1 << 16;
    private readonly LocalKeyMapper _mapper = new(root);
    private readonly Md5ETag _etags = new();

    public string RootPath => _mapper.Root;

    public string GetPath(S3Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return _mapper.AnyPath(uri);
    }

    public Task EnsureBucketAsync(string bucket, CancellationToken cancellationToken = default)
    {
        S3Uri.Create(bucket);
        Directory.CreateDirectory(_mapper.BucketPath(bucket));
        return Task.CompletedTask;
    }

    public async Task<ObjectListing> ListAsync(ListObjectsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bucketPath = ExistingBucket(request.Prefix);
        var page = LocalListing.Page(bucketPath, request, out var next);
        var objects = new List<ObjectInfo>(page.Count);
        var prefixes = new List<S3Uri>();
        foreach (var entry in page)
        {
            if (entry.File is null)
            {
                prefixes.Add(S3Uri.Create(request.Prefix.Bucket, entry.Key));
            }
            else
            {
                var info = await DescribeAsync(S3Uri.Create(request.Prefix.Bucket, entry.Key), entry.File, cancellationToken).ConfigureAwait(false);
                if (info is not null)
                {
                    objects.Add(info);
                }
            }
        }

        return new ObjectListing(objects, prefixes, next);
    }

    public async Task<ObjectInfo?> HeadAsync(S3Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var file = new FileInfo(_mapper.ObjectPath(uri));
        if (!file.Exists)
        {
            ExistingBucket(uri);
            return null;
        }

        return await DescribeAsync(uri, file, cancellationToken).ConfigureAwait(false);
    }

    public Task<Stream> OpenReadAsync(S3Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var path = _mapper.ObjectPath(uri);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException && !File.Exists(path))
        {
            ExistingBucket(uri);
            throw NoSuchKey(uri, ex);
        }
    }

    public async Task<ObjectInfo> WriteAsync(S3Uri uri, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return await WriteAsync(uri, (target, ct) => content.CopyToAsync(target, BufferSize, ct), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ObjectInfo> WriteAsync(S3Uri uri, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(write);
        var path = _mapper.ObjectPath(uri);
        PrepareFolder(uri, path);
        var temporary = TemporaryName.For(path);
        try
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                var hashing = new HashingWriteStream(file, md5);
                await using (hashing.ConfigureAwait(false))
                {
                    await write(hashing, cancellationToken).ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();

                // The rename is what makes the object visible; its content must be on disk before that.
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            var etag = Md5ETag.Format(md5.GetCurrentHash());

            File.SetLastWriteTimeUtc(temporary, WholeSeconds(timeProvider.GetUtcNow()).UtcDateTime);
            File.Move(temporary, path, overwrite: true);
            var committed = new FileInfo(path);
            _etags.Remember(committed, etag);
            return new ObjectInfo(uri, committed.Length, etag, WholeSeconds(committed.LastWriteTimeUtc));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public async Task<ObjectInfo> CopyAsync(S3Uri source, S3Uri destination, CancellationToken cancellationToken = default)
    {
        var stream = await OpenReadAsync(source, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await WriteAsync(destination, stream, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task DeleteAsync(S3Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var path = _mapper.ObjectPath(uri);
        if (File.Exists(path))
        {
            File.Delete(path);
            _etags.Forget(path);
            RemoveEmptyFolders(Path.GetDirectoryName(path)!, _mapper.BucketPath(uri.Bucket));
        }
        else
        {
            ExistingBucket(uri);
        }

        return Task.CompletedTask;
    }

    public async Task<bool> ExistsAsync(S3Uri uri, CancellationToken cancellationToken = default) =>
        await HeadAsync(uri, cancellationToken).ConfigureAwait(false) is not null;

    public void Dispose()
    {
        // Nothing to release: every file handle is scoped to its call.
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static StorageException NoSuchKey(S3Uri uri, Exception? inner = null) =>
        inner is null
            ? new StorageException(StorageErrorCodes.NoSuchKey, $"'{uri}' does not exist; check the key or list the prefix to see what is there.")
            : new StorageException(StorageErrorCodes.NoSuchKey, $"'{uri}' does not exist; check the key or list the prefix to see what is there.", inner);

    private static void RemoveEmptyFolders(string folder, string bucketPath)
    {
        // S3 has no folders: once the last key below a prefix goes, so does the prefix.
        while (folder.Length > bucketPath.Length && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    /// <summary>Size, ETag and time of a committed file, or null when it was deleted meanwhile.</summary>
    private async Task<ObjectInfo?> DescribeAsync(S3Uri uri, FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            var etag = await _etags.OfAsync(file, cancellationToken).ConfigureAwait(false);
            return new ObjectInfo(uri, file.Length, etag, WholeSeconds(file.LastWriteTimeUtc));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string ExistingBucket(S3Uri uri)
    {
        var bucketPath = _mapper.BucketPath(uri.Bucket);
        if (!Directory.Exists(bucketPath))
        {
            throw new StorageException(
                StorageErrorCodes.NoSuchBucket,
                $"Bucket '{uri.Bucket}' (for '{uri}') does not exist under the local storage root '{_mapper.Root}'; write an object to it or create the folder.");
        }

        return bucketPath;
    }

    private void PrepareFolder(S3Uri uri, string path)
    {
        if (Directory.Exists(path))
        {
            throw new StorageException(
                StorageErrorCodes.KeyConflict,
                $"'{uri}' cannot be written: other keys already use it as a folder ('{uri.Key}/...'); the local folder cannot hold both.");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (IOException ex)
        {
            throw new StorageException(
                StorageErrorCodes.KeyConflict,
                $"'{uri}' cannot be written: an object already exists where one of its folders would go; the local folder cannot hold both.",
                ex);
        }
    }
}
