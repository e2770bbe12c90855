using System.Diagnostics.CodeAnalysis;
using DataPrepWorkflows.Storage.Local;

namespace DataPrepWorkflows.Storage;

/// <summary>
/// How the local store lays objects out on disk, for components that watch the folder (the local stand-in for S3
/// event notifications): <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c>, with in-progress writes under temporary names
/// (<c>.&lt;name&gt;.dataprep-tmp-&lt;random&gt;</c>) that become visible by an atomic rename.
/// </summary>
public static class LocalFolderLayout
{
    /// <summary>Whether a file name belongs to a write still in progress; watchers ignore these and react to the rename.</summary>
    /// <param name="fileName">A file name or path.</param>
    public static bool IsInProgressWrite(string fileName) => TemporaryName.IsTemporary(Path.GetFileName(fileName));

    /// <summary>The object URI of a file under the store's root, or <see langword="false"/> for anything that is not a committed object.</summary>
    /// <param name="root">The store's root folder.</param>
    /// <param name="filePath">A file path under the root.</param>
    /// <param name="uri">The object's URI.</param>
    public static bool TryGetUri(string root, string filePath, [NotNullWhen(true)] out S3Uri? uri)
    {
        uri = null;
        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(filePath));
        if (IsInProgressWrite(filePath) || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return false;
        }

        var parts = relative.Replace(Path.DirectorySeparatorChar, '/').Split('/', 2);
        return parts.Length == 2 && S3Uri.TryParse(S3Uri.Scheme + parts[0] + "/" + parts[1], out uri, out _);
    }
}
