namespace DataPrepWorkflows.Storage.Local;

/// <summary>ListObjectsV2 semantics over a bucket folder: prefix, delimiter roll-up, key order and paging.</summary>
internal static class LocalListing
{
    /// <summary>One listing entry: an object file, or a common prefix when <see cref="File"/> is null.</summary>
    public readonly record struct Entry(string Key, FileInfo? File);

    public static List<Entry> Page(string bucketPath, ListObjectsRequest request, out string? nextToken)
    {
        if (request.MaxKeys is < 1 or > ListObjectsRequest.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxKeys, "MaxKeys must be between 1 and 1000.");
        }

        var prefix = request.Prefix.Key;
        var delimiter = string.IsNullOrEmpty(request.Delimiter) ? null : request.Delimiter;
        var startAfter = request.ContinuationToken is null ? null : ContinuationToken.Decode(request.ContinuationToken);

        var entries = new List<Entry>();
        string? lastPrefix = null;
        foreach (var (key, file) in KeysUnder(bucketPath, prefix))
        {
            var entry = new Entry(key, file);
            if (delimiter is not null)
            {
                var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var common = key[..(at + delimiter.Length)];
                    if (common == lastPrefix)
                    {
                        continue;
                    }

                    lastPrefix = common;
                    entry = new Entry(common, null);
                }
            }

            if (startAfter is not null && Utf8Order.Instance.Compare(entry.Key, startAfter) <= 0)
            {
                continue;
            }

            if (entries.Count == request.MaxKeys)
            {
                nextToken = ContinuationToken.Encode(entries[^1].Key);
                return entries;
            }

            entries.Add(entry);
        }

        nextToken = null;
        return entries;
    }

    /// <summary>Every committed object below the prefix, sorted in S3 key order.</summary>
    private static List<(string Key, FileInfo File)> KeysUnder(string bucketPath, string prefix)
    {
        // Only the folder named by the prefix's complete segments can hold matching keys; start there.
        var folderPart = prefix.LastIndexOf('/') is var slash and >= 0 ? prefix[..slash] : string.Empty;
        var start = folderPart.Length == 0 ? bucketPath : Path.Combine(bucketPath, folderPart.Replace('/', Path.DirectorySeparatorChar));
        var keys = new List<(string Key, FileInfo File)>();
        if (!Directory.Exists(start))
        {
            return keys;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        foreach (var info in new DirectoryInfo(start).EnumerateFiles("*", options))
        {
            if (TemporaryName.IsTemporary(info.Name))
            {
                continue;
            }

            var key = LocalKeyMapper.KeyOf(bucketPath, info.FullName);
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add((key, info));
            }
        }

        keys.Sort((a, b) => Utf8Order.Instance.Compare(a.Key, b.Key));
        return keys;
    }
}
