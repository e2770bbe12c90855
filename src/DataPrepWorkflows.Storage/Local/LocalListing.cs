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
        var walk = new OrderedKeyWalk(bucketPath, prefix, startAfter);
        if (startAfter is not null && delimiter is not null && RollUp(startAfter, prefix, delimiter) == startAfter)
        {
            // The previous page ended on a common prefix: everything below it was already reported by it.
            walk.SkipPrefix = startAfter;
        }

        var entries = new List<Entry>();
        foreach (var (key, file) in walk.Keys())
        {
            var entry = new Entry(key, file);
            var common = delimiter is null ? null : RollUp(key, prefix, delimiter);
            if (common is not null)
            {
                walk.SkipPrefix = common;
                entry = new Entry(common, null);
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

    /// <summary>The common prefix a key rolls up into (prefix up to and including the next delimiter), or null.</summary>
    private static string? RollUp(string key, string prefix, string delimiter)
    {
        if (!key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }
}
