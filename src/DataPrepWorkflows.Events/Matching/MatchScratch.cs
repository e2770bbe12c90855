using System.Runtime.InteropServices;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// Reusable per-match working memory (value lists per path, visit stamps, work stack), so matching an event allocates
/// little beyond the decoded strings. One instance is used by one match at a time.
/// </summary>
internal sealed class MatchScratch
{
    private readonly List<EventValue>[] _values;
    /// <summary>
    /// Up to this many visited states or matched rules are checked by scanning a short list, which stays in the
    /// closest cache; only busier events stamp the arrays sized by state and rule count, whose scattered slots grow
    /// with the number of rules.
    /// </summary>
    private const int ShortList = 16;

    private readonly List<int> _touched = [];
    private readonly List<int> _visited = [];
    private readonly int[] _stateStamps;
    private readonly int[] _ruleStamps;
    private int _generation;

    public MatchScratch(int pathCount, int stateCount, int ruleCount)
    {
        _values = new List<EventValue>[pathCount];
        for (var i = 0; i < pathCount; i++)
        {
            _values[i] = [];
        }

        _stateStamps = new int[stateCount];
        _ruleStamps = new int[ruleCount];
    }

    /// <summary>States to visit inside arrays of objects, with the array elements they are bound to.</summary>
    public Stack<(int State, ArrayMembership Membership)> Work { get; } = new();

    /// <summary>
    /// States to visit outside arrays (the usual event): plain offsets, so pushing one writes no object reference into
    /// this long-lived scratch (no write barrier, no card for the next collection to scan).
    /// </summary>
    public Stack<int> PlainWork { get; } = new();

    public HashSet<(int State, ArrayMembership Membership)> VisitedWithMembership { get; } = [];

    public List<int> Targets { get; } = [];

    public List<int> MatchedRules { get; } = [];

    /// <summary>Starts a new match: forgets the previous event's values and visits.</summary>
    public void Reset()
    {
        foreach (var path in _touched)
        {
            _values[path].Clear();
        }

        _touched.Clear();
        _visited.Clear();
        Work.Clear();
        PlainWork.Clear();
        VisitedWithMembership.Clear();
        MatchedRules.Clear();
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stateStamps);
            Array.Clear(_ruleStamps);
            _generation = 1;
        }
    }

    public void Add(int pathId, EventValue value)
    {
        var list = _values[pathId];
        if (list.Count == 0)
        {
            _touched.Add(pathId);
        }

        list.Add(value);
    }

    public List<EventValue> ValuesOf(int pathId) => _values[pathId];

    /// <summary>Marks a state visited (outside arrays); false if it already was.</summary>
    public bool VisitState(int state)
    {
        if (StateVisited(state))
        {
            return false;
        }

        _visited.Add(state);
        if (_visited.Count > ShortList)
        {
            Stamp(_stateStamps, state, _visited.Count == ShortList + 1 ? _visited : null);
        }

        return true;
    }

    public bool StateVisited(int state) =>
        _visited.Count <= ShortList ? CollectionsMarshal.AsSpan(_visited).Contains(state) : _stateStamps[state] == _generation;

    public void AddRule(int rule)
    {
        var matched = MatchedRules;
        if (matched.Count < ShortList ? CollectionsMarshal.AsSpan(matched).Contains(rule) : _ruleStamps[rule] == _generation)
        {
            return;
        }

        matched.Add(rule);
        if (matched.Count >= ShortList)
        {
            Stamp(_ruleStamps, rule, matched.Count == ShortList ? matched : null);
        }
    }

    /// <summary>Stamps <paramref name="item"/>, or on the switch from the short list every item in <paramref name="switching"/>.</summary>
    private void Stamp(int[] stamps, int item, List<int>? switching)
    {
        if (switching is null)
        {
            stamps[item] = _generation;
            return;
        }

        foreach (var each in switching)
        {
            stamps[each] = _generation;
        }
    }
}
