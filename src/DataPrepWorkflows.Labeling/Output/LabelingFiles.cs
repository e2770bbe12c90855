using System.Text;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Labeling.Output;

/// <summary>
/// Reads inputs and writes outputs where a job points: <c>s3://</c> URIs through the object store (the embedded folder
/// or S3), anything else as a local path. Every write is atomic.
/// </summary>
/// <param name="storage">The object store, or <c>null</c> when only local paths are used.</param>
public sealed class LabelingFiles(IObjectStore? storage)
{
    /// <summary>Joins a folder location and a relative path with exactly one slash.</summary>
    public static string Combine(string folder, string relative) => folder.TrimEnd('/', '\\') + "/" + relative.TrimStart('/');

    /// <summary>Reads a text file or object.</summary>
    /// <exception cref="LabelingException"><see cref="LabelingErrorCodes.InvalidLocation"/> when it is missing or the URI is malformed.</exception>
    public async Task<string> ReadTextAsync(string location, string field, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        try
        {
            if (IsS3(location))
            {
                var bytes = await Store(location, field).ReadAllBytesAsync(S3Uri.Parse(location), cancellationToken).ConfigureAwait(false);
                return Encoding.UTF8.GetString(bytes);
            }

            return await File.ReadAllTextAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StorageException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LabelingException(LabelingErrorCodes.InvalidLocation, field, $"'{location}' cannot be read: {e.Message}");
        }
    }

    /// <summary>Opens a file or object for reading (for example an image a worker labels); the caller disposes it.</summary>
    /// <exception cref="LabelingException"><see cref="LabelingErrorCodes.InvalidLocation"/> when it is missing or the URI is malformed.</exception>
    public async Task<Stream> OpenReadAsync(string location, string field, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        try
        {
            return IsS3(location)
                ? await Store(location, field).OpenReadAsync(S3Uri.Parse(location), cancellationToken).ConfigureAwait(false)
                : File.OpenRead(location);
        }
        catch (Exception e) when (e is StorageException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LabelingException(LabelingErrorCodes.InvalidLocation, field, $"'{location}' cannot be read: {e.Message}");
        }
    }

    /// <summary>Writes text atomically (readers never see a partial file).</summary>
    public async Task WriteTextAsync(string location, string content, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        if (IsS3(location))
        {
            var uri = S3Uri.Parse(location);
            var store = Store(location, "output");
            await store.EnsureBucketAsync(uri.Bucket, cancellationToken).ConfigureAwait(false);
            await store.WriteBytesAsync(uri, bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        var path = Path.GetFullPath(location);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static bool IsS3(string location) => location.StartsWith(S3Uri.Scheme, StringComparison.Ordinal);

    private IObjectStore Store(string location, string field) => storage
        ?? throw new LabelingException(LabelingErrorCodes.InvalidLocation, field, $"'{location}' is an s3:// URI, but this host has no object storage configured.");
}
