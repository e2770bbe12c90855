using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DataPrepWorkflows.Storage.Local;

/// <summary>
/// S3's single-part ETag (quoted lowercase MD5 hex) for local files. Files may be dropped into the folder by hand, so
/// the ETag is derived from content, and remembered per (path, size, modification time) to avoid rehashing.
/// </summary>
internal sealed class Md5ETag
{
    private readonly ConcurrentDictionary<string, (long Size, long Ticks, string ETag)> _known = new(StringComparer.Ordinal);

    public static string Format(ReadOnlySpan<byte> md5) => "\"" + Convert.ToHexStringLower(md5) + "\"";

    public void Remember(FileInfo file, string etag) =>
        _known[file.FullName] = (file.Length, file.LastWriteTimeUtc.Ticks, etag);

    public void Forget(string path) => _known.TryRemove(path, out _);

    public async Task<string> OfAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(file.FullName, out var known)
            && known.Size == file.Length
            && known.Ticks == file.LastWriteTimeUtc.Ticks)
        {
            return known.ETag;
        }

        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            var etag = Format(hash);
            Remember(file, etag);
            return etag;
        }
    }
}
