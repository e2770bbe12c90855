using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>
/// What a crawler remembers between runs: the data folders it has seen below each target, so
/// <c>CRAWL_NEW_FOLDERS_ONLY</c> can skip them. Kept as JSON in <c>&lt;state&gt;/crawlers/&lt;name&gt;.json</c>.
/// </summary>
internal sealed class CrawlerState
{
    private readonly string _file;
    private readonly Dictionary<string, HashSet<string>> _folders;

    private CrawlerState(string file, Dictionary<string, HashSet<string>> folders)
    {
        _file = file;
        _folders = folders;
    }

    public static CrawlerState Load(string stateFolder, string crawlerName)
    {
        var file = Path.Combine(stateFolder, "crawlers", PartitionNaming.Sanitize(crawlerName) + ".json");
        var folders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (File.Exists(file) && JsonNode.Parse(File.ReadAllText(file))?["targets"] is JsonObject targets)
        {
            foreach (var (target, list) in targets)
            {
                folders[target] = (list as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            }
        }

        return new CrawlerState(file, folders);
    }

    /// <summary>Whether an earlier crawl covered the target.</summary>
    public bool Knows(S3Uri target) => _folders.ContainsKey(target.ToString());

    /// <summary>The data folders seen below the target, relative to it.</summary>
    public IReadOnlySet<string> Seen(S3Uri target) =>
        _folders.TryGetValue(target.ToString(), out var seen) ? seen : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Replaces (full crawl) or extends (new folders only) the folders seen below the target.</summary>
    public void Record(S3Uri target, IEnumerable<string> folders, bool replace)
    {
        var key = target.ToString();
        if (replace || !_folders.TryGetValue(key, out var seen))
        {
            _folders[key] = seen = new HashSet<string>(StringComparer.Ordinal);
        }

        seen.UnionWith(folders);
    }

    /// <summary>Writes the state through a temporary file and a rename, so a crash never leaves half a file.</summary>
    public void Save()
    {
        var targets = new JsonObject();
        foreach (var (target, folders) in _folders.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            targets[target] = new JsonArray(folders.Order(StringComparer.Ordinal).Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var temporary = _file + ".tmp";
        File.WriteAllText(temporary, new JsonObject { ["targets"] = targets }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, _file, overwrite: true);
    }
}
