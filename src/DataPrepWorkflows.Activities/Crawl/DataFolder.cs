using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>A folder holding data files directly, as the crawler found it.</summary>
/// <param name="RelativePath">The folder relative to the target, <c>""</c> for the target itself, else ending with <c>/</c>.</param>
/// <param name="Uri">The folder's address.</param>
/// <param name="Files">Its data files of <paramref name="Format"/>'s classification, in key order.</param>
/// <param name="Format">The classification the files share.</param>
internal sealed record DataFolder(string RelativePath, S3Uri Uri, IReadOnlyList<ObjectInfo> Files, FileClassification Format)
{
    /// <summary>The folder names from the target down to this folder.</summary>
    public IReadOnlyList<string> Segments { get; } = RelativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public long TotalBytes => Files.Sum(f => f.Size);
}
