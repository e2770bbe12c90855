using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>
/// Local file paths DuckDB can read for <c>s3://</c> objects: the files themselves when storage is the local folder,
/// otherwise copies downloaded into a private temporary folder that is removed on dispose.
/// </summary>
internal sealed class LocalObjectPaths(IObjectStore store, string tempRoot) : IDisposable
{
    private string? _downloads;

    public async Task<IReadOnlyList<string>> GetAsync(IReadOnlyList<ObjectInfo> objects, CancellationToken cancellationToken)
    {
        if (store is ILocalObjectFiles local)
        {
            return objects.Select(o => local.GetPath(o.Uri)).ToList();
        }

        _downloads ??= Directory.CreateDirectory(Path.Combine(tempRoot, "downloads-" + Guid.NewGuid().ToString("N"))).FullName;
        var paths = new List<string>(objects.Count);
        foreach (var info in objects)
        {
            var path = Path.Combine(_downloads, info.Uri.Bucket, info.Key.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var source = await store.OpenReadAsync(info.Uri, cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var target = File.Create(path);
                await using (target.ConfigureAwait(false))
                {
                    await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                }
            }

            paths.Add(path);
        }

        return paths;
    }

    public void Dispose()
    {
        if (_downloads is not null && Directory.Exists(_downloads))
        {
            Directory.Delete(_downloads, recursive: true);
        }
    }
}
