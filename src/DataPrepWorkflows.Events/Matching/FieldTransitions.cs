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
    private Dictionary<string, int[]>? _strings;
    private Dictionary<string, int[]>? _numberTexts;
    private Dictionary<long, int[]>? _numbers;
    private int[]?[]? _literals;
    private Dictionary<string, int[]>? _ignoreCase;
    private AffixIndex? _prefixes;
    private AffixIndex? _prefixesIgnoreCase;
    private AffixIndex? _suffixes;
    private AffixIndex? _suffixesIgnoreCase;
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
                    AddTo(ref _strings, m.Value, target, StringComparer.Ordinal);
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
                    AddTo(ref _ignoreCase, m.Value, target, StringComparer.OrdinalIgnoreCase);
                    break;
                case PrefixMatcher { IgnoreCase: false } m:
                    (_prefixes ??= new AffixIndex(prefix: true, StringComparer.Ordinal)).Add(m.Value, target);
                    break;
                case PrefixMatcher m:
                    (_prefixesIgnoreCase ??= new AffixIndex(prefix: true, StringComparer.OrdinalIgnoreCase)).Add(m.Value, target);
                    break;
                case SuffixMatcher { IgnoreCase: false } m:
                    (_suffixes ??= new AffixIndex(prefix: false, StringComparer.Ordinal)).Add(m.Value, target);
                    break;
                case SuffixMatcher m:
                    (_suffixesIgnoreCase ??= new AffixIndex(prefix: false, StringComparer.OrdinalIgnoreCase)).Add(m.Value, target);
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
                if (_strings is not null && _strings.TryGetValue(text, out var exact))
                {
                    targets.AddRange(exact);
                }

                if (_ignoreCase is not null && _ignoreCase.TryGetValue(text, out var folded))
                {
                    targets.AddRange(folded);
                }

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

    private static void AddTo<TKey>(ref Dictionary<TKey, int[]>? index, TKey key, int target, IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        index ??= new Dictionary<TKey, int[]>(comparer);
        index[key] = Append(index.GetValueOrDefault(key), target);
    }

    private static int[] Append(int[]? targets, int target) => targets is null ? [target] : [.. targets, target];
}
