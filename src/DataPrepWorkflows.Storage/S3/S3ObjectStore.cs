using Amazon.S3;
using Amazon.S3.Model;

namespace DataPrepWorkflows.Storage.S3;

/// <summary>
/// Objects on Amazon S3 or an S3-compatible endpoint. Single-part PutObject is atomic on S3; content that cannot be
/// rewound is spooled to a local temporary file first so the SDK can stream it with a known length and retry safely.
/// </summary>
internal sealed class S3ObjectStore(IAmazonS3 client) : IObjectStore
{
    private const int BufferSize = 1 << 16;

    public async Task EnsureBucketAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var uri = S3Uri.Create(bucket);
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Already there: the goal of the call is met.
        }
        catch (AmazonS3Exception ex)
        {
            throw S3Errors.Translate(ex, uri);
        }
        catch (Exception ex) when (S3Errors.IsClientSide(ex))
        {
            throw S3Errors.ClientSide(ex, uri);
        }
    }

    public async Task<ObjectListing> ListAsync(ListObjectsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxKeys is < 1 or > ListObjectsRequest.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxKeys, "MaxKeys must be between 1 and 1000.");
        }

        var bucket = request.Prefix.Bucket;
        var wire = new ListObjectsV2Request
        {
            BucketName = bucket,
            Prefix = request.Prefix.Key,
            Delimiter = string.IsNullOrEmpty(request.Delimiter) ? null : request.Delimiter,
            MaxKeys = request.MaxKeys,
            ContinuationToken = request.ContinuationToken,
        };
        try
        {
            var response = await client.ListObjectsV2Async(wire, cancellationToken).ConfigureAwait(false);
            var objects = (response.S3Objects ?? [])
                .Select(o => new ObjectInfo(S3Uri.Create(bucket, o.Key), o.Size ?? 0, o.ETag, Utc(o.LastModified)))
                .ToList();
            var prefixes = (response.CommonPrefixes ?? []).Select(p => S3Uri.Create(bucket, p)).ToList();
            var next = response.IsTruncated == true ? response.NextContinuationToken : null;
            return new ObjectListing(objects, prefixes, next);
        }
        catch (AmazonS3Exception ex)
        {
            throw S3Errors.Translate(ex, request.Prefix);
        }
        catch (Exception ex) when (S3Errors.IsClientSide(ex))
        {
            throw S3Errors.ClientSide(ex, request.Prefix);
        }
    }

    public async Task<ObjectInfo?> HeadAsync(S3Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        uri.EnsureObjectKey();
        try
        {
            var response = await client.GetObjectMetadataAsync(uri.Bucket, uri.Key, cancellationToken).ConfigureAwait(false);
            return new ObjectInfo(uri, response.ContentLength, response.ETag, Utc(response.LastModified));
        }
        catch (AmazonS3Exception ex) when (S3Errors.IsNotFound(ex))
        {
            // HEAD has no body, so a missing bucket and a missing key look alike; tell them apart as the local store does.
            await EnsureBucketExistsAsync(uri, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (AmazonS3Exception ex)
        {
            throw S3Errors.Translate(ex, uri);
        }
        catch (Exception ex) when (S3Errors.IsClientSide(ex))
        {
            throw S3Errors.ClientSide(ex, uri);
        }
    }

    public async Task<Stream> OpenReadAsync(S3Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        uri.EnsureObjectKey();
        try
        {
            var response = await client.GetObjectAsync(uri.Bucket, uri.Key, cancellationToken).ConfigureAwait(false);
            return new ResponseOwningStream(response.ResponseStream, response);
        }
        catch (AmazonS3Exception ex)
        {
            throw S3Errors.Translate(ex, uri);
        }
        catch (Exception ex) when (S3Errors.IsClientSide(ex))
        {
            throw S3Errors.ClientSide(ex, uri);
        }
    }

    public async Task<ObjectInfo> WriteAsync(S3Uri uri, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(content);
        uri.EnsureObjectKey();
        if (content.CanSeek)
        {
            return await PutAsync(uri, new PutObjectRequest { InputStream = content, AutoCloseStream = false }, cancellationToken).ConfigureAwait(false);
        }

        return await WriteAsync(uri, (target, ct) => content.CopyToAsync(target, BufferSize, ct), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ObjectInfo> WriteAsync(S3Uri uri, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(write);
        uri.EnsureObjectKey();
        var spool = Path.Combine(Path.GetTempPath(), "dataprep-s3-" + Guid.NewGuid().ToString("N"));
        try
        {
            var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
            }

            return await PutAsync(uri, new PutObjectRequest { FilePath = spool }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    public async Task<ObjectInfo> CopyAsync(S3Uri source, S3Uri destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        source.EnsureObjectKey();
        destination.EnsureObjectKey();
        try
        {
            await client.CopyObjectAsync(source.Bucket, source.Key, destination.Bucket, destination.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex)
        {
            throw S3Errors.Translate(ex, ex.ErrorCode == "NoSuchKey" ? source : destination);
        }
        catch (Exception ex) when (S3Errors.IsClientSide(ex))
        {
            throw S3Errors.ClientSide(ex, source);
        }

        return await DescribeWrittenAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(S3Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        uri.EnsureObjectKey();
        try
        {
            await client.DeleteObjectAsync(uri.Bucket, uri.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex)
        {
            throw S3Errors.Translate(ex, uri);
        }
        catch (Exception ex) when (S3Errors.IsClientSide(ex))
        {
            throw S3Errors.ClientSide(ex, uri);
        }
    }

    public async Task<bool> ExistsAsync(S3Uri uri, CancellationToken cancellationToken = default) =>
        await HeadAsync(uri, cancellationToken).ConfigureAwait(false) is not null;

    public void Dispose() => client.Dispose();

    private static DateTimeOffset Utc(DateTime? time)
    {
        var value = time ?? DateTime.UnixEpoch;
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private async Task<ObjectInfo> PutAsync(S3Uri uri, PutObjectRequest request, CancellationToken cancellationToken)
    {
        request.BucketName = uri.Bucket;
        request.Key = uri.Key;
        try
        {
            await client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex)
        {
            throw S3Errors.Translate(ex, uri);
        }
        catch (Exception ex) when (S3Errors.IsClientSide(ex))
        {
            throw S3Errors.ClientSide(ex, uri);
        }

        return await DescribeWrittenAsync(uri, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ObjectInfo> DescribeWrittenAsync(S3Uri uri, CancellationToken cancellationToken) =>
        await HeadAsync(uri, cancellationToken).ConfigureAwait(false)
        ?? throw new StorageException(StorageErrorCodes.ServiceError, $"S3 accepted the write of '{uri}' but does not report the object.");

    private async Task EnsureBucketExistsAsync(S3Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = uri.Bucket, MaxKeys = 1 }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex)
        {
            throw S3Errors.Translate(ex, uri);
        }
        catch (Exception ex) when (S3Errors.IsClientSide(ex))
        {
            throw S3Errors.ClientSide(ex, uri);
        }
    }
}
