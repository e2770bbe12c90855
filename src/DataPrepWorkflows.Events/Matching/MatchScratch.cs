namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// Reusable per-match working memory (value lists per path, visit stamps, work stack), so matching an event allocates
/// little beyond the decoded strings. One instance is used by one match at a time.
/// </summary>
internal sealed class MatchScratch
{
    private readonly List<EventValue>[] _values;
    private readonly List<int> _touched = [];
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

    public Stack<(int State, ArrayMembership? Membership)> Work { get; } = new();

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
        Work.Clear();
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
        if (_stateStamps[state] == _generation)
        {
            return false;
        }

        _stateStamps[state] = _generation;
        return true;
    }

    public bool StateVisited(int state) => _stateStamps[state] == _generation;

    public void AddRule(int rule)
    {
        if (_ruleStamps[rule] != _generation)
        {
            _ruleStamps[rule] = _generation;
            MatchedRules.Add(rule);
        }
    }
}
