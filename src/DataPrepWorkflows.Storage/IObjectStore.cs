namespace DataPrepWorkflows.Storage;

/// <summary>
/// Object storage addressed by <c>s3://bucket/key</c>: the local folder that stands in for S3 on a laptop, or S3 itself
/// (and S3-compatible endpoints). Both behave the same for every member; writes are atomic, so readers and listings
/// never see a partly written object.
/// </summary>
/// <remarks>
/// User-caused failures throw <see cref="StorageException"/> with a code from <see cref="StorageErrorCodes"/>.
/// </remarks>
public interface IObjectStore : IDisposable
{
    /// <summary>Creates the bucket when it does not exist yet.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task EnsureBucketAsync(string bucket, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of objects below a prefix, in key order.</summary>
    /// <param name="request">Prefix, delimiter, page size and continuation token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="StorageException"><see cref="StorageErrorCodes.NoSuchBucket"/> when the bucket is missing.</exception>
    Task<ObjectListing> ListAsync(ListObjectsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns size, ETag and last-modified time, or <see langword="null"/> when the object does not exist.</summary>
    /// <param name="uri">The object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ObjectInfo?> HeadAsync(S3Uri uri, CancellationToken cancellationToken = default);

    /// <summary>Opens the object's content for reading; the caller disposes the stream.</summary>
    /// <param name="uri">The object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="StorageException"><see cref="StorageErrorCodes.NoSuchKey"/> when the object is missing.</exception>
    Task<Stream> OpenReadAsync(S3Uri uri, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the whole of <paramref name="content"/> as the object, replacing any previous version atomically. If
    /// reading <paramref name="content"/> fails or the call is cancelled, the object is left as it was.
    /// </summary>
    /// <param name="uri">The object.</param>
    /// <param name="content">The bytes to store, read to its end; large streams are not buffered in memory.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ObjectInfo> WriteAsync(S3Uri uri, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lets <paramref name="write"/> produce the object through a stream (for writers that push bytes, such as a CSV
    /// or Parquet writer), then commits it atomically. If <paramref name="write"/> throws, nothing is committed.
    /// </summary>
    /// <param name="uri">The object.</param>
    /// <param name="write">Writes the content to the given stream; the store owns and disposes the stream.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ObjectInfo> WriteAsync(S3Uri uri, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default);

    /// <summary>Copies an object (within or across buckets), replacing the destination atomically.</summary>
    /// <param name="source">The object to copy.</param>
    /// <param name="destination">Where to put the copy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="StorageException"><see cref="StorageErrorCodes.NoSuchKey"/> when the source is missing.</exception>
    Task<ObjectInfo> CopyAsync(S3Uri source, S3Uri destination, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; deleting a missing object succeeds, as on S3.</summary>
    /// <param name="uri">The object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteAsync(S3Uri uri, CancellationToken cancellationToken = default);

    /// <summary>Whether the object exists.</summary>
    /// <param name="uri">The object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> ExistsAsync(S3Uri uri, CancellationToken cancellationToken = default);
}
