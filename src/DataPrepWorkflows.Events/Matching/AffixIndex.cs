namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// Prefixes (or suffixes) grouped by length: a value is looked up once per distinct length, with a span key so no
/// substring is allocated. Cost grows with the number of distinct lengths, not the number of rules.
/// </summary>
internal sealed class AffixIndex(bool prefix, StringComparer comparer)
{
    private int[] _lengths = [];
    private Dictionary<string, int[]>[] _indexes = [];

    public void Add(string affix, int target)
    {
        var at = Array.BinarySearch(_lengths, affix.Length);
        if (at < 0)
        {
            at = ~at;
            _lengths = [.. _lengths[..at], affix.Length, .. _lengths[at..]];
            _indexes = [.. _indexes[..at], new Dictionary<string, int[]>(comparer), .. _indexes[at..]];
        }

        var index = _indexes[at];
        index[affix] = index.TryGetValue(affix, out var targets) ? [.. targets, target] : [target];
    }

    public void Collect(string value, List<int> targets)
    {
        var span = value.AsSpan();
        var lengths = _lengths;
        for (var i = 0; i < lengths.Length; i++)
        {
            var length = lengths[i];
            if (length > span.Length)
            {
                return;
            }

            var key = prefix ? span[..length] : span[^length..];
            if (_indexes[i].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found))
            {
                targets.AddRange(found);
            }
        }
    }
}
