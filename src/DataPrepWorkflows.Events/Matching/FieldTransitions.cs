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
    /// <summary>Up to this many string keys on a field are compared directly rather than hashed.</summary>
    public const int InlineStringLimit = 8;

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
                _strings?.Collect(text, targets);
                _ignoreCase?.Collect(text, targets);
                _prefixes?.Collect(text, targets);
                _prefixesIgnoreCase?.Collect(text, targets);
                _suffixes?.Collect(text, targets);
                _suffixesIgnoreCase?.Collect(text, targets);
                break;
            case EventValueKind.Number:
                // A comparable value equals a rule's number text only if it equals its value too (the same text scales
                // the same way), so the text table is for the others and a plain integer's text is never written out.
                if (!value.IsComparable && _numberTexts is not null && _numberTexts.TryGetValue(value.Text, out var literal))
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
    /// Splits the field for the flat layout: with at most <see cref="InlineStringLimit"/> string keys they become
    /// direct tests (cheaper than hashing a long S3 key, and stored next to the state), and more exact values a hash
    /// table in the state's block; wildcards and anything-but prefixes keep their strings in the pooled characters
    /// rather than in matcher objects; numeric ranges are stored
    /// inline because ten thousand rules usually mean ten thousand distinct ranges, each of which would be a cold
    /// object. Hash indexes over many keys, numbers and literals stay in <see cref="LoweredField.Rest"/>.
    /// </summary>
    public LoweredField Lower()
    {
        SmallStringIndex?[] indexes = [_strings, _ignoreCase, _prefixes, _prefixesIgnoreCase, _suffixes, _suffixesIgnoreCase];
        LoweredStringTest[] tests = [];
        if (indexes.Sum(i => i?.KeyCount ?? 0) <= InlineStringLimit)
        {
            tests = indexes.OfType<SmallStringIndex>()
                .SelectMany(i => i.Entries.Select(e => new LoweredStringTest(i.Relation, i.Comparison != StringComparison.Ordinal, e.Key, e.Target)))
                .ToArray();
            indexes = new SmallStringIndex?[indexes.Length];
        }

        // Many exact values (a thousand bucket names) go into the state's own hash table rather than a dictionary,
        // whose bucket array, entry array, key and target array are four separate cold reads.
        (string Key, int Target)[] hashed = [];
        if (indexes[0] is { } exact)
        {
            hashed = exact.Entries.ToArray();
            indexes[0] = null;
        }

        // Exact strings went to the direct tests or the hash table above; what is left goes to the other indexes.
        var rest = new FieldTransitions(PathId)
        {
            _ignoreCase = indexes[1],
            _prefixes = indexes[2],
            _prefixesIgnoreCase = indexes[3],
            _suffixes = indexes[4],
            _suffixesIgnoreCase = indexes[5],
            _numberTexts = _numberTexts,
            _numbers = _numbers,
            _literals = _literals,
        };
        var hasRest = indexes.Any(i => i is not null) || _numberTexts is not null || _numbers is not null || _literals is not null;
        var others = _others ?? [];
        return new LoweredField(
            PathId,
            Absent,
            _anyValue ?? [],
            tests,
            others.Where(o => o.Matcher is NumericRangeMatcher).Select(o => ((NumericRangeMatcher)o.Matcher, o.Target)).ToArray(),
            others.Where(o => o.Matcher is not (NumericRangeMatcher or WildcardMatcher or AnythingButPrefixMatcher)).ToArray(),
            others.Where(o => o.Matcher is WildcardMatcher).Select(o => (((WildcardMatcher)o.Matcher).Pattern.Pieces, o.Target)).ToArray(),
            others.Where(o => o.Matcher is AnythingButPrefixMatcher).Select(o => (((AnythingButPrefixMatcher)o.Matcher).Values, o.Target)).ToArray(),
            hashed,
            hasRest ? rest : null);
    }

    /// <summary>
    /// Copies the indexes into fresh allocations and builds their lookup tables, after the last rule is added.
    /// </summary>
    /// <param name="context">Maps a target state to what to store — its place in the flat layout, or the complement
    /// (<c>~rule</c>) of the one rule it completes when it leads nowhere else, so the walk records the match without
    /// visiting it — and shares equal matchers between states.</param>
    public FieldTransitions Freeze(FreezeContext context)
    {
        var remap = (Func<int, int>)context.Remap;
        return new FieldTransitions(PathId)
        {
            Absent = Absent.Select(remap).ToArray(),
            _anyValue = _anyValue?.Select(remap).ToArray(),
            _strings = _strings?.Freeze(remap),
            _ignoreCase = _ignoreCase?.Freeze(remap),
            _prefixes = _prefixes?.Freeze(remap),
            _prefixesIgnoreCase = _prefixesIgnoreCase?.Freeze(remap),
            _suffixes = _suffixes?.Freeze(remap),
            _suffixesIgnoreCase = _suffixesIgnoreCase?.Freeze(remap),
            _numberTexts = _numberTexts?.ToDictionary(p => p.Key, p => p.Value.Select(remap).ToArray(), StringComparer.Ordinal),
            _numbers = _numbers?.ToDictionary(p => p.Key, p => p.Value.Select(remap).ToArray()),
            _literals = _literals?.Select(l => l?.Select(remap).ToArray()).ToArray(),
            _others = _others?.Select(o => (context.Share(o.Matcher), remap(o.Target))).ToArray(),
        };
    }

    private static void AddTo<TKey>(ref Dictionary<TKey, int[]>? index, TKey key, int target, IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        index ??= new Dictionary<TKey, int[]>(comparer);
        index[key] = Append(index.GetValueOrDefault(key), target);
    }

    private static int[] Append(int[]? targets, int target) => targets is null ? [target] : [.. targets, target];
}
