using System.Text;
using System.Text.Json;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// Many named patterns compiled into one automaton: matching an event costs about the same for ten thousand rules as
/// for one. Immutable after <see cref="Build"/> and safe to share between threads.
/// </summary>
public sealed class RuleSet
{
    private readonly string[] _ruleIds;
    private readonly RuleAutomaton _automaton;
    private readonly Func<List<int>, IReadOnlyList<string>> _toIds;
    private readonly bool _uniqueIds;

    private RuleSet(string[] ruleIds, RuleAutomaton automaton)
    {
        _ruleIds = ruleIds;
        _automaton = automaton;
        _toIds = ToIds;
        _uniqueIds = ruleIds.Distinct(StringComparer.Ordinal).Count() == ruleIds.Length;
    }

    /// <summary>The number of rules.</summary>
    public int Count => _ruleIds.Length;

    /// <summary>Compiles the rules. Rule ids should be unique; a repeated id is reported once per match.</summary>
    public static RuleSet Build(IEnumerable<(string RuleId, EventPattern Pattern)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var automaton = new RuleAutomaton(list.Select(r => r.Pattern.SubRules).ToList());
        return new RuleSet(list.Select(r => r.RuleId).ToArray(), automaton);
    }

    /// <summary>The ids of the rules the event (UTF-8 JSON) matches, in the order the rules were given.</summary>
    /// <exception cref="JsonException">The event is not well-formed JSON.</exception>
    public IReadOnlyList<string> Match(ReadOnlySpan<byte> utf8Event)
    {
        return _automaton.Match(utf8Event, _toIds);
    }

    private IReadOnlyList<string> ToIds(List<int> matched)
    {
        if (matched.Count == 0)
        {
            return [];
        }

        if (_uniqueIds)
        {
            // The usual case: one id per rule, so the ascending rule indexes map straight to the answer.
            var direct = new string[matched.Count];
            for (var i = 0; i < direct.Length; i++)
            {
                direct[i] = _ruleIds[matched[i]];
            }

            return direct;
        }

        var ids = new List<string>(matched.Count);
        foreach (var index in matched)
        {
            if (!ids.Contains(_ruleIds[index]))
            {
                ids.Add(_ruleIds[index]);
            }
        }

        return ids;
    }

    /// <summary>The ids of the rules the event (JSON text) matches.</summary>
    /// <exception cref="JsonException">The event is not well-formed JSON.</exception>
    public IReadOnlyList<string> Match(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        return Match(Encoding.UTF8.GetBytes(eventJson));
    }

    /// <summary>The ids of the rules an already parsed event matches.</summary>
    public IReadOnlyList<string> Match(JsonElement eventJson) => Match(JsonSerializer.SerializeToUtf8Bytes(eventJson));
}
