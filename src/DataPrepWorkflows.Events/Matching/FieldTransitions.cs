using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// The ways out of one automaton state on one field: every matcher of every condition leaving the state on that
/// field, indexed so that an event value finds its next states without testing matchers one by one. Exact values are
/// hash lookups, prefixes and suffixes one lookup per distinct length, and only wildcards, numeric ranges, CIDRs and
/// anything-but are tested individually.
/// </summary>
internal sealed class FieldTransitions(int pathId)
{
    private readonly Dictionary<string, List<int>> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _numberTexts = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<int>> _numbers = [];
    private readonly List<int>?[] _literals = new List<int>?[5];
    private readonly Dictionary<string, List<int>> _ignoreCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly AffixIndex _prefixes = new(prefix: true, StringComparer.Ordinal);
    private readonly AffixIndex _prefixesIgnoreCase = new(prefix: true, StringComparer.OrdinalIgnoreCase);
    private readonly AffixIndex _suffixes = new(prefix: false, StringComparer.Ordinal);
    private readonly AffixIndex _suffixesIgnoreCase = new(prefix: false, StringComparer.OrdinalIgnoreCase);
    private readonly List<(ValueMatcher Matcher, int Target)> _others = [];
    private readonly List<int> _anyValue = [];

    public int PathId { get; } = pathId;

    /// <summary>States reached when the event has no value at this path (<c>exists: false</c>).</summary>
    public List<int> Absent { get; } = [];

    /// <summary>Adds every matcher of <paramref name="condition"/> as a way to <paramref name="target"/>.</summary>
    public void Add(FieldCondition condition, int target)
    {
        foreach (var matcher in condition.Matchers)
        {
            switch (matcher)
            {
                case ExactStringMatcher m:
                    AddTo(_strings, m.Value, target);
                    break;
                case ExactNumberMatcher m:
                    AddTo(_numberTexts, m.Text, target);
                    if (m.IsComparable)
                    {
                        AddTo(_numbers, m.Scaled, target);
                    }

                    break;
                case LiteralMatcher m:
                    (_literals[(int)m.Kind] ??= []).Add(target);
                    break;
                case EqualsIgnoreCaseMatcher m:
                    AddTo(_ignoreCase, m.Value, target);
                    break;
                case PrefixMatcher m:
                    (m.IgnoreCase ? _prefixesIgnoreCase : _prefixes).Add(m.Value, target);
                    break;
                case SuffixMatcher m:
                    (m.IgnoreCase ? _suffixesIgnoreCase : _suffixes).Add(m.Value, target);
                    break;
                case ExistsMatcher { Exists: true }:
                    _anyValue.Add(target);
                    break;
                case ExistsMatcher:
                    Absent.Add(target);
                    break;
                default:
                    _others.Add((matcher, target));
                    break;
            }
        }
    }

    /// <summary>Appends the states <paramref name="value"/> leads to (duplicates possible).</summary>
    public void Collect(in EventValue value, List<int> targets)
    {
        targets.AddRange(_anyValue);
        switch (value.Kind)
        {
            case EventValueKind.String:
                var text = value.Text;
                if (_strings.Count > 0 && _strings.TryGetValue(text, out var exact))
                {
                    targets.AddRange(exact);
                }

                if (_ignoreCase.Count > 0 && _ignoreCase.TryGetValue(text, out var folded))
                {
                    targets.AddRange(folded);
                }

                _prefixes.Collect(text, targets);
                _prefixesIgnoreCase.Collect(text, targets);
                _suffixes.Collect(text, targets);
                _suffixesIgnoreCase.Collect(text, targets);
                break;
            case EventValueKind.Number:
                if (_numberTexts.Count > 0 && _numberTexts.TryGetValue(value.Text, out var literal))
                {
                    targets.AddRange(literal);
                }

                if (value.IsComparable && _numbers.Count > 0 && _numbers.TryGetValue(value.Scaled, out var equal))
                {
                    targets.AddRange(equal);
                }

                break;
            default:
                if (_literals[(int)value.Kind] is { } literals)
                {
                    targets.AddRange(literals);
                }

                break;
        }

        foreach (var (matcher, target) in _others)
        {
            if (matcher.Matches(value))
            {
                targets.Add(target);
            }
        }
    }

    private static void AddTo<TKey>(Dictionary<TKey, List<int>> index, TKey key, int target)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(target);
    }
}
