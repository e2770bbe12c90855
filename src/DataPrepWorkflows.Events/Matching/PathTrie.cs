using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// The event paths any rule mentions, as a tree of key segments. The event reader descends it while reading and skips
/// every subtree no rule looks at. Keys are split on dots on both sides, so <c>"state.status"</c> and
/// <c>{"state": {"status": …}}</c> name the same path, as in EventBridge.
/// </summary>
internal sealed class PathTrie
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public PathNode Root { get; } = new();

    public int Count => _ids.Count;

    /// <summary>The id of a dotted path, adding it on first use.</summary>
    public int Add(string path)
    {
        if (_ids.TryGetValue(path, out var id))
        {
            return id;
        }

        id = _ids.Count;
        _ids[path] = id;
        var node = Root;
        foreach (var segment in path.Split('.'))
        {
            node = node.GetOrAdd(segment);
        }

        node.PathId = id;
        return id;
    }
}

/// <summary>One key segment of <see cref="PathTrie"/>.</summary>
internal sealed class PathNode
{
    private (byte[] Utf8, string Name, PathNode Node)[] _children = [];

    /// <summary>The path id when a rule names this exact path; otherwise -1.</summary>
    public int PathId { get; set; } = -1;

    public bool HasChildren => _children.Length > 0;

    public PathNode GetOrAdd(string segment)
    {
        foreach (var child in _children)
        {
            if (child.Name == segment)
            {
                return child.Node;
            }
        }

        var node = new PathNode();
        _children = [.. _children, (Encoding.UTF8.GetBytes(segment), segment, node)];
        return node;
    }

    /// <summary>The child for the property name the reader is on, following dotted names through several levels.</summary>
    public PathNode? Find(ref Utf8JsonReader reader)
    {
        foreach (var child in _children)
        {
            if (reader.ValueTextEquals(child.Utf8))
            {
                return child.Node;
            }
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (raw.IndexOf((byte)'.') < 0)
        {
            return null;
        }

        PathNode? node = this;
        foreach (var segment in reader.GetString()!.Split('.'))
        {
            node = node.FindByName(segment);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private PathNode? FindByName(string segment)
    {
        foreach (var child in _children)
        {
            if (child.Name == segment)
            {
                return child.Node;
            }
        }

        return null;
    }
}
