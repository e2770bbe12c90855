namespace DataPrepWorkflows.Dqdl;

/// <summary>
/// The outcome of <see cref="DqdlDocument.Parse(string)"/>: the document when the ruleset is valid, otherwise the
/// diagnostics saying what is wrong and where. Parsing never throws on bad input.
/// </summary>
/// <param name="Document">The parsed document; <see langword="null"/> when there are diagnostics.</param>
/// <param name="Diagnostics">The problems found, in text order; empty when the ruleset is valid.</param>
public sealed record DqdlParseResult(DqdlDocument? Document, IReadOnlyList<DqdlDiagnostic> Diagnostics)
{
    /// <summary>Whether the ruleset is valid.</summary>
    public bool Success => Document is not null;
}
