namespace DataPrepWorkflows.Dqdl;

/// <summary>
/// A problem found in a DQDL ruleset: a stable <see cref="Code"/> (see <see cref="DqdlDiagnosticCodes"/>), a message
/// saying what is wrong and what to do, and where it is.
/// </summary>
/// <param name="Code">The stable diagnostic code, e.g. <c>DQDL020</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">The 1-based line of the offending text.</param>
/// <param name="Column">The 1-based column of the offending text.</param>
public sealed record DqdlDiagnostic(string Code, string Message, int Line, int Column)
{
    internal static DqdlDiagnostic At(SourcePosition position, string code, string message) =>
        new(code, message, position.Line, position.Column);

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}: {Code} {Message}";
}
