namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// A wildcard's literal pieces between stars, wherever they are stored: the pattern's own strings, or the matching
/// automaton's pooled characters. <see cref="WildcardPattern.Matches{TPieces}"/> runs the one matching algorithm over
/// either; as a struct type argument it is specialised per storage, so the automaton's hot loop pays no indirection.
/// </summary>
internal interface IWildcardPieces
{
    /// <summary>How many pieces; one means the pattern has no star.</summary>
    int Count { get; }

    /// <summary>The piece at <paramref name="index"/>.</summary>
    ReadOnlySpan<char> this[int index] { get; }
}
