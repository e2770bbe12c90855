using System.Diagnostics.CodeAnalysis;

namespace DataPrepWorkflows.Events.Patterns;

/// <summary>The outcome of <see cref="EventPattern.Parse"/>: a compiled pattern or the reason it was rejected.</summary>
public sealed record EventPatternParseResult
{
    /// <summary>The compiled pattern when the text was valid.</summary>
    public EventPattern? Pattern { get; init; }

    /// <summary>The rejection when it was not.</summary>
    public EventPatternError? Error { get; init; }

    /// <summary>Whether <see cref="Pattern"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Pattern))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Pattern is not null;
}
