using DataPrepWorkflows.Storage;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>Finds the data folders below a target: every one (one listing), or only those not seen by earlier crawls.</summary>
internal sealed class FolderDiscovery(IObjectStore store, ILogger logger)
{
    /// <summary>Lists the whole target once and groups its data files by folder.</summary>
    public async Task<List<DataFolder>> FindAllAsync(CrawlTarget target, CancellationToken cancellationToken)
    {
        var byFolder = new Dictionary<string, List<(ObjectInfo, FileClassification)>>(StringComparer.Ordinal);
        await foreach (var info in store.ListAllAsync(target.Path, cancellationToken).ConfigureAwait(false))
        {
            var relative = info.Key[target.Path.Key.Length..];
            var slash = relative.LastIndexOf('/');
            var folder = relative[..(slash + 1)];
            if (Accept(target, info, relative) is { } format)
            {
                if (!byFolder.TryGetValue(folder, out var files))
                {
                    byFolder[folder] = files = [];
                }

                files.Add((info, format));
            }
        }

        return byFolder.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => ToFolder(target, f.Key, f.Value))
            .ToList();
    }

    /// <summary>
    /// Walks the target folder by folder (a delimiter listing per level) and never descends into a data folder seen
    /// before, so an unchanged tree costs one listing per non-data folder.
    /// </summary>
    public async Task<List<DataFolder>> FindNewAsync(CrawlTarget target, IReadOnlySet<string> seen, CancellationToken cancellationToken)
    {
        var found = new List<DataFolder>();
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.TryPop(out var folder))
        {
            var files = new List<(ObjectInfo, FileClassification)>();
            var children = new List<string>();
            var request = new ListObjectsRequest(target.Path.Append(folder)) { Delimiter = "/" };

            while (true)
            {
                var page = await store.ListAsync(request, cancellationToken).ConfigureAwait(false);
                foreach (var info in page.Objects)
                {
                    if (Accept(target, info, info.Key[target.Path.Key.Length..]) is { } format)
                    {
                        files.Add((info, format));
                    }
                }

                children.AddRange(page.CommonPrefixes.Select(p => p.Key[target.Path.Key.Length..]));
                if (page.NextContinuationToken is null)
                {
                    break;
                }

                request = request with { ContinuationToken = page.NextContinuationToken };
            }

            if (files.Count > 0 && !seen.Contains(folder))
            {
                found.Add(ToFolder(target, folder, files));
            }

            foreach (var child in children.Where(c => !seen.Contains(c)).OrderDescending(StringComparer.Ordinal))
            {
                pending.Push(child);
            }
        }

        return found.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
    }

    private FileClassification? Accept(CrawlTarget target, ObjectInfo info, string relative)
    {
        if (info.Size == 0 || info.Key.EndsWith('/') || target.IsExcluded(relative))
        {
            return null;
        }

        var format = FileClassification.FromName(info.Uri.Name);
        if (format is null)
        {
            CrawlLog.Unclassified(logger, info.Uri.ToString());
        }

        return format;
    }

    private DataFolder ToFolder(CrawlTarget target, string relative, List<(ObjectInfo Info, FileClassification Format)> files)
    {
        // A folder mixing formats becomes a table of its most common one, as a classifier vote would decide.
        var format = files.GroupBy(f => f.Format.Classification)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First();
        foreach (var other in files.Where(f => f.Format.Classification != format.Key))
        {
            CrawlLog.MixedFormat(logger, other.Info.Uri.ToString(), format.Key);
        }

        var compression = format.GroupBy(f => f.Format.CompressionType).OrderByDescending(g => g.Count()).First().Key;
        var uri = relative.Length == 0 ? target.Path : target.Path.Append(relative);
        return new DataFolder(relative, uri, format.Select(f => f.Info).ToList(), new FileClassification(format.Key, compression));
    }
}
