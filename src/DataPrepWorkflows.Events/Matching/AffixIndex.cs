namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// Prefixes (or suffixes) grouped by length: a value is looked up once per distinct length, with a span key so no
/// substring is allocated. Cost grows with the number of distinct lengths, not the number of rules.
/// </summary>
internal sealed class AffixIndex(bool prefix, StringComparer comparer)
{
    private readonly SortedList<int, Dictionary<string, List<int>>> _byLength = [];

    public void Add(string affix, int target)
    {
        if (!_byLength.TryGetValue(affix.Length, out var index))
        {
            _byLength[affix.Length] = index = new Dictionary<string, List<int>>(comparer);
        }

        if (!index.TryGetValue(affix, out var targets))
        {
            index[affix] = targets = [];
        }

        targets.Add(target);
    }

    public void Collect(string value, List<int> targets)
    {
        if (_byLength.Count == 0)
        {
            return;
        }

        var span = value.AsSpan();
        var lengths = _byLength.Keys;
        var indexes = _byLength.Values;
        for (var i = 0; i < lengths.Count; i++)
        {
            var length = lengths[i];
            if (length > span.Length)
            {
                return;
            }

            var key = prefix ? span[..length] : span[^length..];
            if (indexes[i].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found))
            {
                targets.AddRange(found);
            }
        }
    }
}
