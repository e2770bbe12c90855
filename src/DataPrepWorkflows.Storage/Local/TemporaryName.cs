using System.Security.Cryptography;
using System.Text;

namespace DataPrepWorkflows.Storage.Local;

/// <summary>
/// Names of in-progress writes: <c>.&lt;name&gt;.dataprep-tmp-&lt;random&gt;</c> in the object's own folder, so the final
/// rename stays on one file system (and is atomic) and a folder watcher can recognise and ignore them.
/// </summary>
internal static class TemporaryName
{
    /// <summary>The marker every temporary name carries.</summary>
    public const string Marker = ".dataprep-tmp-";

    private const int MaxNameBytes = 255;

    /// <summary>A fresh temporary path beside <paramref name="finalPath"/>.</summary>
    public static string For(string finalPath)
    {
        var folder = Path.GetDirectoryName(finalPath)!;
        var name = Path.GetFileName(finalPath);
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

        // Names near the file system's 255-byte limit are shortened so the temporary name still fits.
        var room = MaxNameBytes - 1 - Marker.Length - random.Length;
        while (Encoding.UTF8.GetByteCount(name) > room)
        {
            name = name[..^1];
        }

        return Path.Combine(folder, "." + name + Marker + random);
    }

    /// <summary>Whether a file name (not a path) is an in-progress write.</summary>
    public static bool IsTemporary(string fileName) =>
        fileName.StartsWith('.') && fileName.Contains(Marker, StringComparison.Ordinal);
}
