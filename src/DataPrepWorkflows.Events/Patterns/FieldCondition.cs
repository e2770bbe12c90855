namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// What one field of a rule must satisfy: any of its matchers (the value list is an OR). <see cref="Path"/> joins the
/// nested keys with dots, as EventBridge does.
/// </summary>
internal sealed record FieldCondition(string Path, IReadOnlyList<ValueMatcher> Matchers)
{
    /// <summary>Canonical identity of the condition (path and the set of matchers).</summary>
    public string Key { get; } = Path + "\u0002" + string.Join('\u0003', Matchers.Select(m => m.Key).Distinct().Order(StringComparer.Ordinal));

    /// <summary>Whether the condition is satisfied when the field is absent.</summary>
    public bool MatchesAbsence => Matchers.Any(m => m is ExistsMatcher { Exists: false });
}

/// <summary>One conjunction of field conditions, sorted by path; a pattern with <c>$or</c> compiles to several.</summary>
internal sealed record SubRule(IReadOnlyList<FieldCondition> Conditions);
