using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Definitions;

/// <summary>One activity in a workflow's flowchart.</summary>
public sealed record ActivityNode
{
    /// <summary>Readable id, unique in the file (kebab-case), for example <c>quality-gate</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Activity type name, for example <c>QualityGate</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Optional note for readers.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Inputs by name, in file order. A value is a JSON literal; a string starting with <c>=</c> is a JavaScript
    /// expression; a string containing <c>${…}</c> is interpolated. Strings nested in objects and arrays follow the
    /// same rules.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Inputs { get; init; } = [];

    /// <summary>Outgoing edges by outcome, in file order. Several edges from one outcome run in parallel.</summary>
    public IReadOnlyList<Edge> Next { get; init; } = [];

    /// <summary>Retriers, tried in order (Step Functions <c>Retry</c> semantics).</summary>
    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    /// <summary>Catchers, tried in order after retries are exhausted (Step Functions <c>Catch</c> semantics).</summary>
    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    /// <summary>How long one attempt may run before it faults with <c>States.Timeout</c>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Nested activities run by the activity (for <c>ForEach</c>), a flowchart of their own.</summary>
    public IReadOnlyList<ActivityNode> Body { get; init; } = [];

    /// <summary>Properties this version does not know.</summary>
    public JsonObject? Unknown { get; init; }

    /// <summary>The input value with the given name, or <c>null</c> when absent.</summary>
    public JsonNode? FindInput(string name)
    {
        foreach (var pair in Inputs)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>Whether the input is present (even with a null value).</summary>
    public bool HasInput(string name) => Inputs.Any(p => string.Equals(p.Key, name, StringComparison.Ordinal));
}

/// <summary>An edge: when the activity completes with <paramref name="Outcome"/>, <paramref name="Target"/> runs.</summary>
/// <param name="Outcome">Outcome name; <c>"next": "x"</c> means the type's default (first) outcome, usually <c>Done</c>.</param>
/// <param name="Target">Id of the activity to run.</param>
public sealed record Edge(string Outcome, string Target);

/// <summary>A Step Functions style retrier.</summary>
/// <param name="ErrorEquals">Error names it applies to (<c>States.ALL</c> for any).</param>
/// <param name="IntervalSeconds">Wait before the first retry. <value>1</value></param>
/// <param name="MaxAttempts">Retries at most (0 = never). <value>3</value></param>
/// <param name="BackoffRate">Multiplier of the wait per retry. <value>2.0</value></param>
/// <param name="MaxDelaySeconds">Upper bound of a wait, or <c>null</c>.</param>
/// <param name="JitterStrategy"><c>FULL</c> (random in [0, wait]) or <c>NONE</c>.</param>
public sealed record Retrier(
    IReadOnlyList<string> ErrorEquals,
    int IntervalSeconds = 1,
    int MaxAttempts = 3,
    double BackoffRate = 2.0,
    int? MaxDelaySeconds = null,
    JitterStrategy JitterStrategy = JitterStrategy.None)
{
    /// <summary>Properties this version does not know.</summary>
    public JsonObject? Unknown { get; init; }
}

/// <summary>Jitter of retry waits.</summary>
public enum JitterStrategy
{
    /// <summary>Waits exactly as computed.</summary>
    None,

    /// <summary>Waits a random time between 0 and the computed wait.</summary>
    Full,
}

/// <summary>A Step Functions style catcher: on a matching error, go to <paramref name="Next"/> with the error available.</summary>
/// <param name="ErrorEquals">Error names it applies to.</param>
/// <param name="Next">Activity to run.</param>
public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next)
{
    /// <summary>Properties this version does not know.</summary>
    public JsonObject? Unknown { get; init; }
}
