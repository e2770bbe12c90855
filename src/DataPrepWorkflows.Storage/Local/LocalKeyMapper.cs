namespace DataPrepWorkflows.Storage.Local;

/// <summary>
/// Maps buckets and keys to paths under the root folder, refusing anything that could escape the bucket folder or
/// cannot round-trip through a file system (<c>..</c>, <c>.</c>, empty segments, backslashes, absolute paths).
/// </summary>
internal sealed class LocalKeyMapper(string root)
{
    private const int MaxSegmentBytes = 255;

    public string Root { get; } = Path.GetFullPath(root);

    public string BucketPath(string bucket) => Path.Combine(Root, bucket);

    /// <summary>The file path for an object key; throws <see cref="StorageException"/> for unsafe keys.</summary>
    public string ObjectPath(S3Uri uri)
    {
        uri.EnsureObjectKey();
        var problem = ExplainUnsafeKey(uri.Key);
        if (problem is not null)
        {
            throw new StorageException(
                StorageErrorCodes.InvalidKey,
                $"'{uri}' cannot be stored in the local folder: {problem}. Rename the key.");
        }

        var bucketPath = BucketPath(uri.Bucket);
        var path = Path.GetFullPath(Path.Combine(bucketPath, uri.Key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(bucketPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new StorageException(StorageErrorCodes.InvalidKey, $"'{uri}' resolves outside its bucket folder.");
        }

        return path;
    }

    /// <summary>The folder path of a bucket or a prefix ending in <c>/</c>, or the file path of an object key.</summary>
    public string AnyPath(S3Uri uri)
    {
        if (uri.Key.Length == 0)
        {
            return BucketPath(uri.Bucket);
        }

        if (!uri.Key.EndsWith('/'))
        {
            return ObjectPath(uri);
        }

        var folder = ObjectPath(S3Uri.Create(uri.Bucket, uri.Key.TrimEnd('/')));
        return folder + Path.DirectorySeparatorChar;
    }

    /// <summary>The key of a file inside a bucket folder.</summary>
    public static string KeyOf(string bucketPath, string filePath) =>
        Path.GetRelativePath(bucketPath, filePath).Replace(Path.DirectorySeparatorChar, '/');

    private static string? ExplainUnsafeKey(string key)
    {
        if (key.StartsWith('/'))
        {
            return "it starts with '/' (an absolute path)";
        }

        if (key.Contains('\\', StringComparison.Ordinal))
        {
            return "it contains a backslash";
        }

        var segments = key.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                return "it contains an empty path segment ('//')";
            }

            if (segment is "." or "..")
            {
                return $"it contains a '{segment}' path segment";
            }

            if (System.Text.Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                return $"the segment '{segment[..20]}…' is longer than the file system's {MaxSegmentBytes}-byte name limit";
            }
        }

        if (TemporaryName.IsTemporary(segments[^1]))
        {
            return $"its name contains '{TemporaryName.Marker}', which marks in-progress writes";
        }

        return null;
    }
}
