using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>
/// Groups a target's data folders into tables as Glue's crawler does: the highest folder under which every data folder
/// sits at the same depth with compatible schemas becomes one table; the levels between become partition keys
/// (<c>key=value</c> names give the key, other levels are <c>partition_0</c>, <c>partition_1</c>, …). Where folders
/// disagree, each sub-folder is considered on its own.
/// </summary>
internal sealed class TablePlanner(string tablePrefix)
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public List<TablePlan> Plan(CrawlTarget target, IReadOnlyList<(DataFolder Folder, FolderSchema Schema)> folders)
    {
        var root = new Node(string.Empty);
        foreach (var (folder, schema) in folders)
        {
            var node = root;
            foreach (var segment in folder.Segments)
            {
                node = node.Child(segment);
            }

            node.Data = (folder, schema);
        }

        var plans = new List<TablePlan>();
        Plan(target, root, plans);
        return plans;
    }

    private void Plan(CrawlTarget target, Node node, List<TablePlan> plans)
    {
        var leaves = node.Leaves(0).ToList();
        if (leaves.Count == 0)
        {
            return;
        }

        if (leaves.Select(l => l.Depth).Distinct().Count() == 1 && Merge(leaves.Select(l => l.Data.Schema)) is { } merged)
        {
            plans.Add(Build(target, node, merged, leaves.Select(l => l.Data).ToList(), leaves[0].Depth));
            return;
        }

        if (node.Data is { } own)
        {
            plans.Add(Build(target, node, own.Schema, [own], 0));
        }

        foreach (var child in node.Children.Values)
        {
            Plan(target, child, plans);
        }
    }

    private static FolderSchema? Merge(IEnumerable<FolderSchema> schemas)
    {
        FolderSchema? merged = null;
        foreach (var schema in schemas)
        {
            if (merged is not null && !merged.IsCompatibleWith(schema))
            {
                return null;
            }

            merged = merged is null ? schema : merged.MergeWith(schema);
        }

        return merged;
    }

    private TablePlan Build(CrawlTarget target, Node node, FolderSchema schema, List<(DataFolder Folder, FolderSchema Schema)> data, int depth)
    {
        var location = node.Path.Length == 0 ? target.Path : target.Path.Append(node.Path);
        var keys = new List<Column>(depth);
        var rootDepth = node.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        var values = data.Select(d => new List<string>(depth)).ToList();
        for (var level = 0; level < depth; level++)
        {
            var segments = data.Select(d => d.Folder.Segments[rootDepth + level]).ToList();
            var hiveKey = PartitionNaming.HiveKey(segments);
            for (var i = 0; i < segments.Count; i++)
            {
                values[i].Add(hiveKey is null ? segments[i] : PartitionNaming.HiveValue(segments[i]));
            }

            keys.Add(new Column
            {
                Name = hiveKey ?? "partition_" + level.ToString(CultureInfo.InvariantCulture),
                Type = PartitionNaming.InferType(values.Select(v => v[level])),
            });
        }

        var partitions = depth == 0 ? [] : data.Select((d, i) => new PartitionPlan(values[i], d.Folder, d.Schema)).ToList();
        return new TablePlan(UniqueName(node, target, location), location, schema, keys, partitions, data.Select(d => d.Folder).ToList());
    }

    private string UniqueName(Node node, CrawlTarget target, S3Uri location)
    {
        var folder = node.Path.Length > 0
            ? node.Path.TrimEnd('/')[(node.Path.TrimEnd('/').LastIndexOf('/') + 1)..]
            : target.Path.Key.Length > 0 ? target.Path.Key.TrimEnd('/')[(target.Path.Key.TrimEnd('/').LastIndexOf('/') + 1)..] : target.Path.Bucket;
        var name = PartitionNaming.Sanitize(tablePrefix + folder);
        if (!_names.Add(name))
        {
            // Two folders with one name (in different targets or branches): Glue appends a hash of the location.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(location.ToString())))[..8];
            name = name + "_" + hash;
            _names.Add(name);
        }

        return name;
    }

    private sealed class Node(string path)
    {
        public string Path { get; } = path;

        public SortedDictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public (DataFolder Folder, FolderSchema Schema)? Data { get; set; }

        public Node Child(string segment)
        {
            if (!Children.TryGetValue(segment, out var child))
            {
                Children[segment] = child = new Node(Path + segment + "/");
            }

            return child;
        }

        public IEnumerable<(int Depth, (DataFolder Folder, FolderSchema Schema) Data)> Leaves(int depth)
        {
            if (Data is { } data)
            {
                yield return (depth, data);
            }

            foreach (var child in Children.Values)
            {
                foreach (var leaf in child.Leaves(depth + 1))
                {
                    yield return leaf;
                }
            }
        }
    }
}
