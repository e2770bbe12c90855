namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// String keys (exact values, prefixes or suffixes) with their target states. A handful of keys are compared
/// directly — cheaper than hashing a long S3 key and touching a dictionary's arrays; beyond
/// <see cref="DirectLimit"/> keys the index groups them into hash tables (one per distinct length for prefixes and
/// suffixes), so the cost stays flat however many rules share the state.
/// </summary>
internal sealed class SmallStringIndex(SmallStringIndex.Kind kind, StringComparison comparison)
{
    private const int DirectLimit = 8;
    private readonly StringComparer _comparer = comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
    private (string Key, int[] Targets)[] _direct = [];
    private int[]? _lengths;
    private Dictionary<string, int[]>[]? _byLength;

    /// <summary>How keys relate to values.</summary>
    public enum Kind
    {
        Exact,
        Prefix,
        Suffix,
    }

    /// <summary>The keys and targets as added (build time), for merging small indexes into one scan.</summary>
    public IEnumerable<(string Key, int Target)> Entries => _direct.SelectMany(e => e.Targets.Select(t => (e.Key, t)));

    /// <summary>How many keys were added.</summary>
    public int KeyCount => _direct.Length;

    public StringComparison Comparison => comparison;

    public Kind Relation => kind;

    public void Add(string key, int target)
    {
        for (var i = 0; i < _direct.Length; i++)
        {
            if (string.Equals(_direct[i].Key, key, comparison))
            {
                _direct[i].Targets = [.. _direct[i].Targets, target];
                return;
            }
        }

        _direct = [.. _direct, (key, [target])];
    }

    /// <summary>Builds the hash tables when there are many keys; called once after the last <see cref="Add"/>.</summary>
    public SmallStringIndex Freeze(Func<int, int> remap)
    {
        _direct = _direct.Select(e => (e.Key, e.Targets.Select(remap).ToArray())).ToArray();
        if (_direct.Length > DirectLimit)
        {
            var groups = _direct.GroupBy(entry => kind == Kind.Exact ? 0 : entry.Key.Length).OrderBy(g => g.Key).ToArray();
            _lengths = groups.Select(g => g.Key).ToArray();
            _byLength = groups.Select(g => g.ToDictionary(e => e.Key, e => e.Targets, _comparer)).ToArray();
            _direct = [];
        }
        return this;
    }

    public void Collect(string value, List<int> targets)
    {
        if (_byLength is null)
        {
            foreach (var (key, found) in _direct)
            {
                var hit = kind switch
                {
                    Kind.Exact => value.Length == key.Length && value.Equals(key, comparison),
                    Kind.Prefix => value.StartsWith(key, comparison),
                    _ => value.EndsWith(key, comparison),
                };
                if (hit)
                {
                    targets.AddRange(found);
                }
            }

            return;
        }

        if (kind == Kind.Exact)
        {
            if (_byLength[0].TryGetValue(value, out var exact))
            {
                targets.AddRange(exact);
            }

            return;
        }

        var span = value.AsSpan();
        for (var i = 0; i < _lengths!.Length; i++)
        {
            var length = _lengths[i];
            if (length > span.Length)
            {
                return;
            }

            var key = kind == Kind.Prefix ? span[..length] : span[^length..];
            if (_byLength[i].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found))
            {
                targets.AddRange(found);
            }
        }
    }
}
