namespace DataPrepWorkflows.Storage.Local;

/// <summary>
/// Walks a bucket folder yielding committed objects in S3 key order, lazily, so a page of a listing costs about the
/// size of the page rather than the size of the bucket. Sibling entries are sorted with folders compared as
/// <c>name/</c>, which makes each folder's keys one contiguous range; ranges that cannot contain wanted keys are
/// never opened.
/// </summary>
internal sealed class OrderedKeyWalk(string bucketPath, string prefix, string? startAfter)
{
    private static readonly EnumerationOptions OneLevel = new() { IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false };

    /// <summary>Keys starting with this are skipped from now on (set when the listing rolled them up into a common prefix).</summary>
    public string? SkipPrefix { get; set; }

    public IEnumerable<(string Key, FileInfo File)> Keys()
    {
        var folderKey = prefix[..(prefix.LastIndexOf('/') + 1)];
        var start = folderKey.Length == 0
            ? bucketPath
            : Path.Combine(bucketPath, folderKey.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var stack = new Stack<IEnumerator<(string Key, FileSystemInfo Info)>>();
        stack.Push(Children(start, folderKey).GetEnumerator());
        while (stack.Count > 0)
        {
            var level = stack.Peek();
            if (!level.MoveNext())
            {
                level.Dispose();
                stack.Pop();
                continue;
            }

            var (key, info) = level.Current;
            if (info is DirectoryInfo folder)
            {
                if (FolderMayHold(key))
                {
                    stack.Push(Children(folder.FullName, key).GetEnumerator());
                }
            }
            else if (Wanted(key))
            {
                yield return (key, (FileInfo)info);
            }
        }
    }

    private static List<(string Key, FileSystemInfo Info)> Children(string path, string keyPrefix)
    {
        var entries = new List<(string Key, FileSystemInfo Info)>();
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", OneLevel))
        {
            if (entry is DirectoryInfo)
            {
                entries.Add((keyPrefix + entry.Name + "/", entry));
            }
            else if (!TemporaryName.IsTemporary(entry.Name))
            {
                entries.Add((keyPrefix + entry.Name, entry));
            }
        }

        entries.Sort((a, b) => Utf8Order.Instance.Compare(a.Key, b.Key));
        return entries;
    }

    private bool Wanted(string key) =>
        key.StartsWith(prefix, StringComparison.Ordinal)
        && (SkipPrefix is null || !key.StartsWith(SkipPrefix, StringComparison.Ordinal))
        && (startAfter is null || Utf8Order.Instance.Compare(key, startAfter) > 0);

    /// <summary>Whether any key below the folder (whose keys all start with <paramref name="folderKey"/>) can be wanted.</summary>
    private bool FolderMayHold(string folderKey)
    {
        if (!folderKey.StartsWith(prefix, StringComparison.Ordinal) && !prefix.StartsWith(folderKey, StringComparison.Ordinal))
        {
            return false;
        }

        if (SkipPrefix is not null && folderKey.StartsWith(SkipPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Every key below sorts before the token unless the token itself lies inside the folder or after it.
        return startAfter is null
            || startAfter.StartsWith(folderKey, StringComparison.Ordinal)
            || Utf8Order.Instance.Compare(folderKey, startAfter) > 0;
    }
}
