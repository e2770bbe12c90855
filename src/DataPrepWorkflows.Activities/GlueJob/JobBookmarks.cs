using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Crawl;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// A job's bookmark, as Glue keeps one per job: for each source folder, the objects (key and ETag) that successful
/// runs processed. With <c>job-bookmark-enable</c> a run sees only objects that are new or changed since, and its
/// success advances the bookmark; <c>job-bookmark-pause</c> reads it without advancing; <c>job-bookmark-disable</c>
/// sees everything and leaves it alone. Kept in <c>&lt;state&gt;/glue-jobs/&lt;job&gt;/bookmark.json</c>.
/// </summary>
internal sealed class JobBookmarks
{
    private readonly string _file;
    private readonly string _option;
    private readonly Dictionary<string, Dictionary<string, string>> _processed;
    private readonly Dictionary<string, Dictionary<string, string>> _seen = new(StringComparer.Ordinal);

    private JobBookmarks(string file, string option, Dictionary<string, Dictionary<string, string>> processed)
    {
        _file = file;
        _option = option;
        _processed = processed;
    }

    public static JobBookmarks Load(string jobFolder, string option)
    {
        var file = Path.Combine(jobFolder, "bookmark.json");
        var processed = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (File.Exists(file) && JsonNode.Parse(File.ReadAllText(file))?["sources"] is JsonObject sources)
        {
            foreach (var (source, objects) in sources)
            {
                processed[source] = (objects as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
            }
        }

        return new JobBookmarks(file, option, processed);
    }

    /// <summary>The data files of <paramref name="source"/> this run should process, in key order.</summary>
    public async Task<List<ObjectInfo>> SelectAsync(IObjectStore store, S3Uri source, CancellationToken cancellationToken)
    {
        var files = new List<ObjectInfo>();
        await foreach (var info in store.ListAllAsync(source, cancellationToken).ConfigureAwait(false))
        {
            if (info.Size > 0 && FileClassification.FromName(info.Uri.Name) is not null)
            {
                files.Add(info);
            }
        }

        _seen[source.ToString()] = files.ToDictionary(f => f.Key, f => f.ETag, StringComparer.Ordinal);
        if (_option == JobArguments.BookmarkDisable || !_processed.TryGetValue(source.ToString(), out var done))
        {
            return files;
        }

        return files.Where(f => !done.TryGetValue(f.Key, out var etag) || etag != f.ETag).ToList();
    }

    /// <summary>After a successful run with bookmarks enabled, records everything this run saw as processed.</summary>
    public void Advance()
    {
        if (_option != JobArguments.BookmarkEnable || _seen.Count == 0)
        {
            return;
        }

        foreach (var (source, objects) in _seen)
        {
            if (!_processed.TryGetValue(source, out var done))
            {
                _processed[source] = done = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            foreach (var (key, etag) in objects)
            {
                done[key] = etag;
            }
        }

        var sources = new JsonObject();
        foreach (var (source, objects) in _processed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var entries = new JsonObject();
            foreach (var (key, etag) in objects.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                entries[key] = etag;
            }

            sources[source] = entries;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var temporary = _file + ".tmp";
        File.WriteAllText(temporary, new JsonObject { ["sources"] = sources }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, _file, overwrite: true);
    }
}
