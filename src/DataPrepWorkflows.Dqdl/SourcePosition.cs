namespace DataPrepWorkflows.Dqdl;

/// <summary>Where something starts in a DQDL text: 1-based line and column.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, counted in UTF-16 characters.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The position used for nodes that were built in code rather than parsed.</summary>
    public static SourcePosition None => default;

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
