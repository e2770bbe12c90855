using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// A state of the rule automaton: the fields of all rules are visited in path order, so a state stands for "the first
/// k conditions of these sub-rules hold". Sub-rules that begin with the same conditions share states, which is why
/// matching cost follows the event, not the number of rules.
/// </summary>
internal sealed class NameState(int id)
{
    private Dictionary<int, FieldTransitions>? _byPath;
    private Dictionary<string, NameState>? _next;

    public int Id { get; } = id;

    /// <summary>Rules (by index) whose every condition holds on reaching this state.</summary>
    public int[] Terminals { get; private set; } = [];

    /// <summary>The fields this state can move on.</summary>
    public FieldTransitions[] Fields { get; private set; } = [];

    /// <summary>Records that <paramref name="rule"/> is complete here.</summary>
    public void AddTerminal(int rule)
    {
        if (!Terminals.Contains(rule))
        {
            Terminals = [.. Terminals, rule];
        }
    }

    /// <summary>True when reaching this state only completes one rule.</summary>
    public bool CompletesOnlyOneRule => Fields.Length == 0 && Terminals.Length == 1;

    /// <summary>The states this one leads to (build time only).</summary>
    public IEnumerable<NameState> Next => _next?.Values ?? Enumerable.Empty<NameState>();

    /// <summary>The state reached by satisfying <paramref name="condition"/> here, created on first use.</summary>
    public NameState Follow(FieldCondition condition, int pathId, Func<NameState> create)
    {
        _next ??= new Dictionary<string, NameState>(StringComparer.Ordinal);
        _byPath ??= [];
        if (_next.TryGetValue(condition.Key, out var next))
        {
            return next;
        }

        next = create();
        _next[condition.Key] = next;
        if (!_byPath.TryGetValue(pathId, out var transitions))
        {
            _byPath[pathId] = transitions = new FieldTransitions(pathId);
            Fields = [.. Fields, transitions];
        }

        transitions.Add(condition, next.Id);
        return next;
    }
}
