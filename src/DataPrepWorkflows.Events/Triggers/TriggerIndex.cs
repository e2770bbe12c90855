using System.Globalization;
using System.Text;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Events.Matching;

namespace DataPrepWorkflows.Events.Triggers;

/// <summary>
/// The event triggers of every published workflow compiled into ONE <see cref="RuleSet"/>, so an event is matched
/// against all of them in one pass. Immutable and safe to share between threads; rebuild it when the trigger store's
/// stamp moves.
/// </summary>
public sealed class TriggerIndex
{
    private readonly RuleSet _rules;
    private readonly IndexedTrigger[] _triggers;

    private TriggerIndex(IEnumerable<IndexedTrigger> triggers)
    {
        _triggers = triggers
            .OrderBy(t => t.WorkflowId, StringComparer.Ordinal)
            .ThenBy(t => t.Index)
            .ToArray();
        _rules = RuleSet.Build(_triggers.Select((t, i) => (i.ToString(CultureInfo.InvariantCulture), t.Trigger.Pattern)));
    }

    /// <summary>An index with no triggers.</summary>
    public static TriggerIndex Empty { get; } = new([]);

    /// <summary>How many event triggers the index holds.</summary>
    public int Count => _triggers.Length;

    /// <summary>The indexed triggers with their compiled form (for <c>events deploy</c> and listings).</summary>
    public IReadOnlyList<IndexedTrigger> Triggers => _triggers;

    /// <summary>Builds the index from compiled triggers.</summary>
    public static TriggerIndex Build(IEnumerable<IndexedTrigger> triggers)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        return new TriggerIndex(triggers);
    }

    /// <summary>Builds the index from published workflow definitions.</summary>
    /// <exception cref="InvalidOperationException">A trigger does not compile (validate workflows before publishing).</exception>
    public static TriggerIndex FromDefinitions(IEnumerable<WorkflowDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return new TriggerIndex(definitions.SelectMany(TriggersOf));
    }

    /// <summary>A definition's event triggers, compiled (other trigger types are left out).</summary>
    /// <exception cref="InvalidOperationException">A trigger does not compile.</exception>
    public static IReadOnlyList<IndexedTrigger> TriggersOf(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var entries = new List<IndexedTrigger>();
        for (var i = 0; i < definition.Triggers.Count; i++)
        {
            var trigger = definition.Triggers[i];
            if (!EventTriggerTypes.IsEventTrigger(trigger.Type))
            {
                continue;
            }

            var compilation = TriggerCompiler.Compile(trigger.Type, trigger.Inputs);
            var compiled = compilation.Trigger ?? throw new InvalidOperationException(
                $"Workflow '{definition.Id}' trigger {i} ({trigger.Type}) is not valid: {string.Join(" ", compilation.Problems.Select(p => p.Message))}");
            entries.Add(new IndexedTrigger(definition.Id, definition.Version, i, trigger.Type, compiled));
        }

        return entries;
    }

    /// <summary>The workflows a UTF-8 JSON event starts, one match per workflow (its first matching trigger), ordered by workflow id.</summary>
    /// <exception cref="System.Text.Json.JsonException">The event is not well-formed JSON.</exception>
    public IReadOnlyList<TriggerMatch> Match(ReadOnlySpan<byte> utf8Event)
    {
        if (_triggers.Length == 0)
        {
            return [];
        }

        var ids = _rules.Match(utf8Event);
        if (ids.Count == 0)
        {
            return [];
        }

        var positions = ids.Select(id => int.Parse(id, CultureInfo.InvariantCulture)).Order();
        var matches = new List<TriggerMatch>();
        foreach (var position in positions)
        {
            var entry = _triggers[position];
            if (matches.Count > 0 && matches[^1].WorkflowId == entry.WorkflowId)
            {
                continue;
            }

            matches.Add(new TriggerMatch(entry.WorkflowId, entry.Version, entry.Index, entry.TriggerType, entry.Trigger.Batch, entry.Trigger.DedupeWindow));
        }

        return matches;
    }

    /// <summary>The workflows a JSON event starts.</summary>
    /// <exception cref="System.Text.Json.JsonException">The event is not well-formed JSON.</exception>
    public IReadOnlyList<TriggerMatch> Match(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        return Match(Encoding.UTF8.GetBytes(eventJson));
    }
}
