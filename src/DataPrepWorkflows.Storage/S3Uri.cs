using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DataPrepWorkflows.Storage;

/// <summary>
/// An <c>s3://bucket/key</c> address. The key is kept exactly as written (no percent-decoding), as the AWS CLI does;
/// an empty key addresses the whole bucket and is valid as a listing prefix but not as an object.
/// </summary>
public sealed record S3Uri
{
    /// <summary>The URI scheme, always lowercase.</summary>
    public const string Scheme = "s3://";

    /// <summary>S3's limit on the UTF-8 length of a key.</summary>
    public const int MaxKeyBytes = 1024;

    private S3Uri(string bucket, string key)
    {
        Bucket = bucket;
        Key = key;
    }

    /// <summary>The bucket name.</summary>
    public string Bucket { get; }

    /// <summary>The object key or prefix; empty for the bucket itself.</summary>
    public string Key { get; }

    /// <summary>The last segment of the key (after the last <c>/</c>), empty for a bucket or a folder prefix.</summary>
    public string Name => Key[(Key.LastIndexOf('/') + 1)..];

    /// <summary>Parses <paramref name="text"/> or throws <see cref="StorageException"/> with a code and the reason.</summary>
    /// <param name="text">The URI, for example <c>s3://raw/loans/2024.csv</c>.</param>
    public static S3Uri Parse(string text)
    {
        if (TryParse(text, out var uri, out var error))
        {
            return uri;
        }

        throw error;
    }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why.</summary>
    /// <param name="text">The candidate URI.</param>
    /// <param name="uri">The parsed URI when the result is <see langword="true"/>.</param>
    /// <param name="error">The reason when the result is <see langword="false"/>.</param>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out S3Uri? uri,
        [NotNullWhen(false)] out StorageException? error)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new StorageException(StorageErrorCodes.InvalidUri, "The storage URI is empty; write it as s3://bucket/key.");
            return false;
        }

        if (!text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            error = new StorageException(
                StorageErrorCodes.InvalidUri,
                $"'{text}' is not an S3 URI; write it as s3://bucket/key (lowercase scheme 's3://').");
            return false;
        }

        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
        return TryCreate(bucket, key, out uri, out error);
    }

    /// <summary>Creates a URI from its parts, validating both.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="key">The key or prefix; empty for the bucket.</param>
    public static S3Uri Create(string bucket, string key = "")
    {
        if (TryCreate(bucket, key, out var uri, out var error))
        {
            return uri;
        }

        throw error;
    }

    /// <summary>Appends a relative path to this prefix, inserting a <c>/</c> separator when needed.</summary>
    /// <param name="relative">The path below this prefix, for example <c>year=2024/part-0.csv</c>.</param>
    public S3Uri Append(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        var separator = Key.Length == 0 || Key.EndsWith('/') ? string.Empty : "/";
        return Create(Bucket, Key + separator + relative.TrimStart('/'));
    }

    /// <summary>Throws <see cref="StorageException"/> (<see cref="StorageErrorCodes.InvalidKey"/>) when the key is empty or a folder prefix.</summary>
    public void EnsureObjectKey()
    {
        if (Key.Length == 0 || Key.EndsWith('/'))
        {
            throw new StorageException(
                StorageErrorCodes.InvalidKey,
                $"'{this}' addresses a bucket or folder, not an object; add the object's name after the last '/'.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Scheme + Bucket + "/" + Key;

    private static bool TryCreate(
        string bucket,
        string key,
        [NotNullWhen(true)] out S3Uri? uri,
        [NotNullWhen(false)] out StorageException? error)
    {
        uri = null;
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(key);
        var bucketProblem = BucketName.Explain(bucket);
        if (bucketProblem is not null)
        {
            error = new StorageException(
                StorageErrorCodes.InvalidBucketName,
                $"'{Scheme}{bucket}/{key}': {bucketProblem}.");
            return false;
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            error = new StorageException(
                StorageErrorCodes.InvalidKey,
                $"'{Scheme}{bucket}/{key[..Math.Min(key.Length, 40)]}…': the key is longer than {MaxKeyBytes} UTF-8 bytes.");
            return false;
        }

        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                error = new StorageException(
                    StorageErrorCodes.InvalidKey,
                    $"'{Scheme}{bucket}/{key}': keys must not contain control characters (U+{(int)c:X4}).");
                return false;
            }
        }

        error = null;
        uri = new S3Uri(bucket, key);
        return true;
    }
}
