using System.Runtime.CompilerServices;

namespace DataPrepWorkflows.Storage;

/// <summary>Conveniences over <see cref="IObjectStore"/> that every implementation gets for free.</summary>
public static class ObjectStoreExtensions
{
    /// <summary>Lists every object below <paramref name="prefix"/>, following continuation tokens page by page.</summary>
    /// <param name="store">The store.</param>
    /// <param name="prefix">Bucket and key prefix.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public static async IAsyncEnumerable<ObjectInfo> ListAllAsync(
        this IObjectStore store,
        S3Uri prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var request = new ListObjectsRequest(prefix);
        while (true)
        {
            var page = await store.ListAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Objects)
            {
                yield return item;
            }

            if (page.NextContinuationToken is null)
            {
                yield break;
            }

            request = request with { ContinuationToken = page.NextContinuationToken };
        }
    }

    /// <summary>Writes <paramref name="content"/> as the object.</summary>
    /// <param name="store">The store.</param>
    /// <param name="uri">The object.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<ObjectInfo> WriteBytesAsync(
        this IObjectStore store,
        S3Uri uri,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return await store.WriteAsync(uri, stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the whole object into memory; meant for small objects (manifests, configs, samples).</summary>
    /// <param name="store">The store.</param>
    /// <param name="uri">The object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<byte[]> ReadAllBytesAsync(
        this IObjectStore store,
        S3Uri uri,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stream = await store.OpenReadAsync(uri, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
