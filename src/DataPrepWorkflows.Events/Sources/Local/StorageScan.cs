using System.Security.Cryptography;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Events.Sources.Local;

/// <summary>
/// One pass over the storage root compared with the checkpoint: the objects written since (new, or a different size or
/// modification time) and the objects gone. Temporary files of atomic writes are not objects; a file still changing
/// within the settle time is left for the next pass.
/// </summary>
internal static class StorageScan
{
    public static async Task<ScanResult> CompareAsync(string root, IReadOnlyDictionary<string, ObjectState> known, DateTimeOffset now, TimeSpan settle, CancellationToken cancellationToken)
    {
        var written = new List<(string Bucket, string Key, ObjectState State)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unsettled = false;
        if (Directory.Exists(root))
        {
            foreach (var path in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = true }))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!LocalFolderLayout.TryGetUri(root, path, out var uri) || uri.Key.Length == 0)
                {
                    continue;
                }

                var name = uri.Bucket + "/" + uri.Key;
                var file = new FileInfo(path);
                if (!file.Exists)
                {
                    continue;
                }

                if (now - new DateTimeOffset(file.LastWriteTimeUtc) < settle)
                {
                    unsettled = true;
                    if (known.ContainsKey(name))
                    {
                        seen.Add(name);
                    }

                    continue;
                }

                seen.Add(name);
                if (known.TryGetValue(name, out var before) && before.Size == file.Length && before.WriteTicks == file.LastWriteTimeUtc.Ticks)
                {
                    continue;
                }

                var etag = await HashAsync(file, cancellationToken).ConfigureAwait(false);
                if (etag is not null)
                {
                    written.Add((uri.Bucket, uri.Key, new ObjectState(file.Length, file.LastWriteTimeUtc.Ticks, etag)));
                }
            }
        }

        var deleted = known.Where(k => !seen.Contains(k.Key)).Select(k => (k.Key, k.Value)).ToList();
        return new ScanResult(written, deleted, unsettled);
    }

    private static async Task<string?> HashAsync(FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                return Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (FileNotFoundException)
        {
            // Deleted between listing and hashing: the next pass reports the deletion if it had been reported.
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>What a pass found.</summary>
/// <param name="Written">Objects created or overwritten since the checkpoint.</param>
/// <param name="Deleted">Checkpointed objects (<c>bucket/key</c>) no longer present.</param>
/// <param name="Unsettled">Some file was still changing: scan again after the settle time.</param>
internal sealed record ScanResult(
    IReadOnlyList<(string Bucket, string Key, ObjectState State)> Written,
    IReadOnlyList<(string Name, ObjectState State)> Deleted,
    bool Unsettled);
