using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// The ways out of one automaton state on one field: every matcher of every condition leaving the state on that
/// field, indexed so that an event value finds its next states without testing matchers one by one. Exact values are
/// hash lookups, prefixes and suffixes one lookup per distinct length, and only wildcards, numeric ranges, CIDRs and
/// anything-but are tested individually. Indexes that stay empty are never allocated, so a match touches only the
/// memory it needs (with ten thousand rules, cache misses are the main cost).
/// </summary>
internal sealed class FieldTransitions(int pathId)
{
    private SmallStringIndex? _strings;
    private Dictionary<string, int[]>? _numberTexts;
    private Dictionary<long, int[]>? _numbers;
    private int[]?[]? _literals;
    private SmallStringIndex? _ignoreCase;
    private SmallStringIndex? _prefixes;
    private SmallStringIndex? _prefixesIgnoreCase;
    private SmallStringIndex? _suffixes;
    private SmallStringIndex? _suffixesIgnoreCase;
    private (ValueMatcher Matcher, int Target)[]? _others;
    private int[]? _anyValue;
    private StringTest[]? _scan;

    public int PathId { get; } = pathId;

    /// <summary>States reached when the event has no value at this path (<c>exists: false</c>).</summary>
    public int[] Absent { get; private set; } = [];

    /// <summary>Adds every matcher of <paramref name="condition"/> as a way to <paramref name="target"/>.</summary>
    public void Add(FieldCondition condition, int target)
    {
        foreach (var matcher in condition.Matchers)
        {
            switch (matcher)
            {
                case ExactStringMatcher m:
                    (_strings ??= new SmallStringIndex(SmallStringIndex.Kind.Exact, StringComparison.Ordinal)).Add(m.Value, target);
                    break;
                case ExactNumberMatcher m:
                    AddTo(ref _numberTexts, m.Text, target, StringComparer.Ordinal);
                    if (m.IsComparable)
                    {
                        AddTo(ref _numbers, m.Scaled, target, EqualityComparer<long>.Default);
                    }

                    break;
                case LiteralMatcher m:
                    _literals ??= new int[]?[5];
                    _literals[(int)m.Kind] = Append(_literals[(int)m.Kind], target);
                    break;
                case EqualsIgnoreCaseMatcher m:
                    (_ignoreCase ??= new SmallStringIndex(SmallStringIndex.Kind.Exact, StringComparison.OrdinalIgnoreCase)).Add(m.Value, target);
                    break;
                case PrefixMatcher { IgnoreCase: false } m:
                    (_prefixes ??= new SmallStringIndex(SmallStringIndex.Kind.Prefix, StringComparison.Ordinal)).Add(m.Value, target);
                    break;
                case PrefixMatcher m:
                    (_prefixesIgnoreCase ??= new SmallStringIndex(SmallStringIndex.Kind.Prefix, StringComparison.OrdinalIgnoreCase)).Add(m.Value, target);
                    break;
                case SuffixMatcher { IgnoreCase: false } m:
                    (_suffixes ??= new SmallStringIndex(SmallStringIndex.Kind.Suffix, StringComparison.Ordinal)).Add(m.Value, target);
                    break;
                case SuffixMatcher m:
                    (_suffixesIgnoreCase ??= new SmallStringIndex(SmallStringIndex.Kind.Suffix, StringComparison.OrdinalIgnoreCase)).Add(m.Value, target);
                    break;
                case ExistsMatcher { Exists: true }:
                    _anyValue = Append(_anyValue, target);
                    break;
                case ExistsMatcher:
                    Absent = Append(Absent, target);
                    break;
                default:
                    _others = [.. _others ?? [], (matcher, target)];
                    break;
            }
        }
    }

    /// <summary>Appends the states <paramref name="value"/> leads to (duplicates possible).</summary>
    public void Collect(in EventValue value, List<int> targets)
    {
        if (_anyValue is not null)
        {
            targets.AddRange(_anyValue);
        }

        switch (value.Kind)
        {
            case EventValueKind.String:
                var text = value.Text;
                if (_scan is not null)
                {
                    foreach (var test in _scan)
                    {
                        if (test.IsMatch(text))
                        {
                            targets.Add(test.Target);
                        }
                    }
                }

                _strings?.Collect(text, targets);
                _ignoreCase?.Collect(text, targets);
                _prefixes?.Collect(text, targets);
                _prefixesIgnoreCase?.Collect(text, targets);
                _suffixes?.Collect(text, targets);
                _suffixesIgnoreCase?.Collect(text, targets);
                break;
            case EventValueKind.Number:
                if (_numberTexts is not null && _numberTexts.TryGetValue(value.Text, out var literal))
                {
                    targets.AddRange(literal);
                }

                if (value.IsComparable && _numbers is not null && _numbers.TryGetValue(value.Scaled, out var equal))
                {
                    targets.AddRange(equal);
                }

                break;
            default:
                if (_literals?[(int)value.Kind] is { } literals)
                {
                    targets.AddRange(literals);
                }

                break;
        }

        if (_others is not null)
        {
            foreach (var (matcher, target) in _others)
            {
                if (matcher.Matches(value))
                {
                    targets.Add(target);
                }
            }
        }
    }

    /// <summary>
    /// Copies the indexes into fresh, adjacent allocations and builds their lookup tables. Called state by state in
    /// walk order after the last rule is added, so the memory one event touches is close together.
    /// </summary>
    /// <param name="context">Maps a target state to what to store — itself, or the complement (<c>~rule</c>) of the
    /// one rule it completes when it leads nowhere else, so the walk records the match without visiting it — and
    /// shares equal matchers and strings between states.</param>
    public FieldTransitions Freeze(FreezeContext context)
    {
        var remap = (Func<int, int>)context.Remap;
        SmallStringIndex?[] indexes = [_strings, _ignoreCase, _prefixes, _prefixesIgnoreCase, _suffixes, _suffixesIgnoreCase];
        StringTest[]? scan = null;
        if (indexes.Sum(i => i?.KeyCount ?? 0) is > 0 and <= 8)
        {
            // A few string tests in one array: one object to read instead of one index per kind.
            scan = indexes.OfType<SmallStringIndex>()
                .SelectMany(i => i.Entries.Select(e => new StringTest(i.Relation, i.Comparison, context.Share(e.Key), remap(e.Target))))
                .ToArray();
            indexes = new SmallStringIndex?[indexes.Length];
        }

        var copy = new FieldTransitions(PathId)
        {
            Absent = Absent.Select(remap).ToArray(),
            _anyValue = _anyValue?.Select(remap).ToArray(),
            _scan = scan,
            _strings = indexes[0]?.Freeze(remap),
            _ignoreCase = indexes[1]?.Freeze(remap),
            _prefixes = indexes[2]?.Freeze(remap),
            _prefixesIgnoreCase = indexes[3]?.Freeze(remap),
            _suffixes = indexes[4]?.Freeze(remap),
            _suffixesIgnoreCase = indexes[5]?.Freeze(remap),
            _numberTexts = _numberTexts?.ToDictionary(p => p.Key, p => p.Value.Select(remap).ToArray(), StringComparer.Ordinal),
            _numbers = _numbers?.ToDictionary(p => p.Key, p => p.Value.Select(remap).ToArray()),
            _literals = _literals?.Select(l => l?.Select(remap).ToArray()).ToArray(),
            _others = _others?.Select(o => (context.Share(o.Matcher), remap(o.Target))).ToArray(),
        };
        return copy;
    }

    private static void AddTo<TKey>(ref Dictionary<TKey, int[]>? index, TKey key, int target, IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        index ??= new Dictionary<TKey, int[]>(comparer);
        index[key] = Append(index.GetValueOrDefault(key), target);
    }

    private static int[] Append(int[]? targets, int target) => targets is null ? [target] : [.. targets, target];
}

/// <summary>One direct string comparison leading to one state.</summary>
internal readonly record struct StringTest(SmallStringIndex.Kind Relation, StringComparison Comparison, string Key, int Target)
{
    public bool IsMatch(string value)
    {
        if (Comparison == StringComparison.Ordinal)
        {
            // Span comparisons inline to a length check and a vectorised compare; most keys are ordinal.
            return Relation switch
            {
                SmallStringIndex.Kind.Exact => value.AsSpan().SequenceEqual(Key),
                SmallStringIndex.Kind.Prefix => value.AsSpan().StartsWith(Key),
                _ => value.AsSpan().EndsWith(Key),
            };
        }

        return Relation switch
        {
            SmallStringIndex.Kind.Exact => value.Length == Key.Length && value.Equals(Key, Comparison),
            SmallStringIndex.Kind.Prefix => value.StartsWith(Key, Comparison),
            _ => value.EndsWith(Key, Comparison),
        };
    }
}
