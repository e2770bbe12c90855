using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// All sub-rules of all rules compiled into one automaton over field paths. Matching walks it from the root, following
/// only the transitions the event's values select, so its cost depends on the event and the rules it nearly matches,
/// not on how many rules there are.
/// </summary>
internal sealed class RuleAutomaton
{
    private readonly List<NameState> _states = [];
    private readonly AutomatonCode _code;
    private MatchScratch? _spare;

    public RuleAutomaton(IReadOnlyList<IReadOnlyList<SubRule>> rules)
    {
        Paths = new PathTrie();
        var order = FieldOrder(rules);
        var root = NewState();
        for (var rule = 0; rule < rules.Count; rule++)
        {
            foreach (var subRule in rules[rule])
            {
                var state = root;
                foreach (var condition in subRule.Conditions.OrderBy(c => order[c.Path]))
                {
                    state = state.Follow(condition, Paths.Add(condition.Path), NewState);
                }

                state.AddTerminal(rule);
            }
        }

        _code = AutomatonLayout.Build(_states);
        StateCount = _states.Count;
        _states.Clear();
        RuleCount = rules.Count;
    }

    public PathTrie Paths { get; }

    public int RuleCount { get; }

    public int StateCount { get; }

    /// <summary>Indexes of the matching rules, ascending.</summary>
    public List<int> Match(ReadOnlySpan<byte> utf8Event) => Match(utf8Event, static matched => new List<int>(matched));

    /// <summary>Matches and hands the ascending rule indexes to <paramref name="read"/> before the scratch is reused.</summary>
    public TResult Match<TResult>(ReadOnlySpan<byte> utf8Event, Func<List<int>, TResult> read)
    {
        var scratch = Interlocked.Exchange(ref _spare, null) ?? new MatchScratch(Paths.Count, StateCount, RuleCount);
        try
        {
            scratch.Reset();
            EventFlattener.Flatten(utf8Event, Paths, scratch);
            Walk(scratch);
            if (!IsAscending(scratch.MatchedRules))
            {
                scratch.MatchedRules.Sort();
            }
            return read(scratch.MatchedRules);
        }
        finally
        {
            Interlocked.Exchange(ref _spare, scratch);
        }
    }

    private void Walk(MatchScratch scratch)
    {
        var code = _code.Code;
        var work = scratch.Work;
        var targets = scratch.Targets;
        var plain = scratch.PlainWork;
        plain.Push(0);
        while (true)
        {
            ArrayMembership? membership = null;
            if (!plain.TryPop(out var at))
            {
                if (work.Count == 0)
                {
                    break;
                }

                (at, membership) = work.Pop();
            }

            var stateId = code[at];
            if (membership is null ? !scratch.VisitState(stateId)
                : scratch.StateVisited(stateId) || !scratch.VisitedWithMembership.Add((stateId, membership)))
            {
                continue;
            }

            var terminals = code[at + 1];
            for (var i = 0; i < terminals; i++)
            {
                scratch.AddRule(code[at + 2 + i]);
            }

            var field = at + 2 + terminals;
            var fieldCount = code[field++];
            if (fieldCount == AutomatonCode.SingleTest)
            {
                FollowSingleTest(scratch, code, field, membership);
                continue;
            }

            for (var f = 0; f < fieldCount; f++, field += code[field + 1])
            {
                var values = scratch.ValuesOf(code[field]);
                if (values.Count == 0)
                {
                    var absent = AutomatonCode.AbsentAt(field);
                    for (var i = 1; i <= code[absent]; i++)
                    {
                        Follow(scratch, code, code[absent + i], membership);
                    }

                    continue;
                }

                foreach (ref readonly var value in CollectionsMarshal.AsSpan(values))
                {
                    if (!Joins(membership, value))
                    {
                        continue;
                    }

                    targets.Clear();
                    _code.Collect(field, value, targets);
                    if (targets.Count == 0)
                    {
                        continue;
                    }

                    var merged = Bound(membership, value);
                    foreach (var target in CollectionsMarshal.AsSpan(targets))
                    {
                        Follow(scratch, code, target, merged);
                    }
                }
            }
        }
    }

    /// <summary>A single-test state: every value of its field that equals the key leads to its one target.</summary>
    private void FollowSingleTest(MatchScratch scratch, int[] code, int test, ArrayMembership? membership)
    {
        foreach (ref readonly var value in CollectionsMarshal.AsSpan(scratch.ValuesOf(code[test])))
        {
            if (Joins(membership, value) && _code.PassesSingleTest(test + 1, value))
            {
                Follow(scratch, code, code[test + 3], Bound(membership, value));
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> can extend a walk bound to <paramref name="membership"/> (array-consistent
    /// matching); outside arrays of objects, the usual event, there is nothing to check.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Joins(ArrayMembership? membership, in EventValue value) =>
        membership is null || value.Membership is null || ArrayMembership.Compatible(membership, value.Membership);

    /// <summary>The array elements the walk is bound to once <paramref name="value"/> joined it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ArrayMembership? Bound(ArrayMembership? membership, in EventValue value) =>
        membership is null || value.Membership is null ? membership ?? value.Membership : ArrayMembership.Merge(membership, value.Membership);

    /// <summary>
    /// One order of fields for all rules: most-used first, then fewest distinct conditions, then by name. Any single
    /// order gives the same matches; this one makes rules share the longest common beginnings — the <c>source</c> and
    /// <c>detail-type</c> every S3 trigger names come first, then the bucket — so an event walks few states.
    /// </summary>
    private static Dictionary<string, int> FieldOrder(IReadOnlyList<IReadOnlyList<SubRule>> rules)
    {
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        var variants = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var condition in rules.SelectMany(r => r).SelectMany(s => s.Conditions))
        {
            uses[condition.Path] = uses.GetValueOrDefault(condition.Path) + 1;
            if (!variants.TryGetValue(condition.Path, out var keys))
            {
                variants[condition.Path] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.Add(condition.Key);
        }

        return uses
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => variants[pair.Key].Count)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select((pair, rank) => (pair.Key, rank))
            .ToDictionary(pair => pair.Key, pair => pair.rank, StringComparer.Ordinal);
    }

    /// <summary>
    /// A negative target is <c>~rule</c>: the rule is complete and there is nothing further to visit. A state with
    /// rules but no fields (rules sharing their last condition) is not visited either: its rules are recorded at once,
    /// which is all a visit would do, and recording a rule twice is harmless.
    /// </summary>
    private static void Follow(MatchScratch scratch, int[] code, int target, ArrayMembership? membership)
    {
        if (target < 0)
        {
            scratch.AddRule(~target);
            return;
        }

        var terminals = code[target + 1];
        if (code[target + 2 + terminals] != 0)
        {
            if (membership is null)
            {
                scratch.PlainWork.Push(target);
            }
            else
            {
                scratch.Work.Push((target, membership));
            }

            return;
        }

        for (var i = 0; i < terminals; i++)
        {
            scratch.AddRule(code[target + 2 + i]);
        }
    }

    /// <summary>Rules are usually found in order (one match, or rules added in order to one bucket), so no sort.</summary>
    private static bool IsAscending(List<int> rules)
    {
        var span = CollectionsMarshal.AsSpan(rules);
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] < span[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private NameState NewState()
    {
        var state = new NameState(_states.Count);
        _states.Add(state);
        return state;
    }
}
