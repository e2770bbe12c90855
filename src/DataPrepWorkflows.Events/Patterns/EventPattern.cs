using System.Text;
using DataPrepWorkflows.Events.Matching;

namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// A compiled EventBridge event pattern. Parse once, then match many events; to match an event against many patterns
/// at once, put them in a <see cref="RuleSet"/>.
/// </summary>
public sealed class EventPattern
{
    /// <summary>The longest pattern EventBridge accepts, in characters.</summary>
    public const int MaxLength = 4096;

    private readonly Lazy<RuleAutomaton> _automaton;

    private EventPattern(string source, IReadOnlyList<SubRule> subRules)
    {
        Source = source;
        SubRules = subRules;
        _automaton = new Lazy<RuleAutomaton>(() => new RuleAutomaton([subRules]));
    }

    /// <summary>The pattern text as given.</summary>
    public string Source { get; }

    internal IReadOnlyList<SubRule> SubRules { get; }

    /// <summary>
    /// Compiles <paramref name="json"/>. An invalid pattern yields the error EventBridge returns for it (same code,
    /// same reason, same location text); a pattern longer than <see cref="MaxLength"/> yields AWS's length validation
    /// error.
    /// </summary>
    public static EventPatternParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            return new EventPatternParseResult
            {
                Error = new EventPatternError(
                    EventPatternError.Validation,
                    $"1 validation error detected: Value '{json}' at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to {MaxLength}"),
            };
        }

        try
        {
            return new EventPatternParseResult { Pattern = new EventPattern(json, PatternCompiler.Compile(json)) };
        }
        catch (PatternSyntaxException e)
        {
            return new EventPatternParseResult
            {
                Error = new EventPatternError(EventPatternError.InvalidEventPattern, "Event pattern is not valid. Reason: " + e.Message),
            };
        }
    }

    /// <summary>Whether the event (UTF-8 JSON) matches.</summary>
    /// <exception cref="System.Text.Json.JsonException">The event is not well-formed JSON.</exception>
    public bool Matches(ReadOnlySpan<byte> utf8Event) => _automaton.Value.Match(utf8Event, static matched => matched.Count > 0);

    /// <summary>Whether the event (JSON text) matches.</summary>
    /// <exception cref="System.Text.Json.JsonException">The event is not well-formed JSON.</exception>
    public bool Matches(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        return Matches(Encoding.UTF8.GetBytes(eventJson));
    }

    /// <inheritdoc/>
    public override string ToString() => Source;
}
