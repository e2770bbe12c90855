using DataPrepWorkflows.Dqdl.Catalog;
using DataPrepWorkflows.Dqdl.Printing;

namespace DataPrepWorkflows.Dqdl.Rules;

/// <summary>
/// An entry of the <c>Analyzers</c> section: a metric to compute and record without asserting anything, e.g.
/// <c>Completeness "col-A"</c> or <c>AllStatistics of AllColumns</c>.
/// </summary>
/// <param name="AnalyzerType">The rule type name used as analyzer.</param>
/// <param name="Descriptor">The catalog overload the analyzer was validated against.</param>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="Position">Where the analyzer starts.</param>
public sealed record DqAnalyzer(
    string AnalyzerType,
    RuleTypeDescriptor Descriptor,
    IReadOnlyList<DqRuleParameter> Parameters,
    SourcePosition Position)
{
    /// <summary>The parameters in order, compared by value.</summary>
    public IReadOnlyList<DqRuleParameter> Parameters { get; init; } = ValueList<DqRuleParameter>.Of(Parameters);

    /// <summary>The value of the first parameter filling catalog parameter <paramref name="name"/>, if any.</summary>
    public string? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Value;

    /// <summary>The canonical DQDL text of the analyzer.</summary>
    public override string ToString() => DqdlPrinter.Analyzer(this);
}
