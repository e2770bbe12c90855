using DataPrepWorkflows.Dqdl.Catalog;
using DataPrepWorkflows.Dqdl.Printing;
using DataPrepWorkflows.Dqdl.Rules;
using DataPrepWorkflows.Dqdl.Syntax;
using DataPrepWorkflows.Dqdl.Validation;

namespace DataPrepWorkflows.Dqdl;

/// <summary>
/// A parsed and validated DQDL ruleset (AWS Glue Data Quality Definition Language): metadata, data sources,
/// variables, default labels, rules and analyzers. Create one with <see cref="Parse(string)"/>; turn it back into
/// canonical text with <see cref="Print(DqdlDocument)"/>.
/// </summary>
/// <param name="Metadata">The <c>Metadata</c> entries (only <c>Version</c> is allowed), in the order written.</param>
/// <param name="DataSources">The <c>DataSources</c> section, if present.</param>
/// <param name="Variables">The variable declarations, in the order written.</param>
/// <param name="DefaultLabels">The <c>DefaultLabels</c>, applied to every rule unless a rule overrides a key.</param>
/// <param name="Rules">The entries of the <c>Rules</c> section.</param>
/// <param name="Analyzers">The entries of the <c>Analyzers</c> section.</param>
public sealed record DqdlDocument(
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    DqdlDataSources? DataSources,
    IReadOnlyList<DqVariable> Variables,
    IReadOnlyList<DqLabel> DefaultLabels,
    IReadOnlyList<DqRuleNode> Rules,
    IReadOnlyList<DqAnalyzer> Analyzers)
{
    /// <summary>The <c>Metadata</c> entries, compared by value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; } = ValueList<KeyValuePair<string, string>>.Of(Metadata);

    /// <summary>The variable declarations, compared by value.</summary>
    public IReadOnlyList<DqVariable> Variables { get; init; } = ValueList<DqVariable>.Of(Variables);

    /// <summary>The <c>DefaultLabels</c>, compared by value.</summary>
    public IReadOnlyList<DqLabel> DefaultLabels { get; init; } = ValueList<DqLabel>.Of(DefaultLabels);

    /// <summary>The entries of the <c>Rules</c> section, compared by value.</summary>
    public IReadOnlyList<DqRuleNode> Rules { get; init; } = ValueList<DqRuleNode>.Of(Rules);

    /// <summary>The entries of the <c>Analyzers</c> section, compared by value.</summary>
    public IReadOnlyList<DqAnalyzer> Analyzers { get; init; } = ValueList<DqAnalyzer>.Of(Analyzers);

    /// <summary>Parses and validates a DQDL ruleset against the built-in rule-type catalog.</summary>
    /// <param name="text">The ruleset text.</param>
    /// <returns>The document, or diagnostics with stable codes and line/column positions.</returns>
    public static DqdlParseResult Parse(string text) => Parse(text, RuleTypeCatalog.Default);

    /// <summary>Parses and validates a DQDL ruleset against <paramref name="catalog"/>.</summary>
    /// <param name="text">The ruleset text.</param>
    /// <param name="catalog">The rule types that exist.</param>
    /// <returns>The document, or diagnostics with stable codes and line/column positions.</returns>
    public static DqdlParseResult Parse(string text, RuleTypeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);

        var diagnostics = new List<DqdlDiagnostic>();
        var tokens = Lexer.Tokenize(text, diagnostics);
        if (diagnostics.Count > 0)
        {
            return new DqdlParseResult(null, diagnostics);
        }

        var syntax = Parser.Parse(tokens, diagnostics);
        if (syntax is null)
        {
            return new DqdlParseResult(null, diagnostics);
        }

        var document = DocumentBinder.Bind(syntax, catalog, diagnostics);
        return diagnostics.Count > 0
            ? new DqdlParseResult(null, [.. diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column)])
            : new DqdlParseResult(document, []);
    }

    /// <summary>
    /// The canonical DQDL text of <paramref name="document"/>: sections separated by a blank line, one rule per
    /// line indented by four spaces, each rule in AWS Glue's canonical form.
    /// </summary>
    public static string Print(DqdlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return DocumentPrinter.Print(document);
    }

    /// <summary>All single rules of the ruleset, including those inside composite rules, in text order.</summary>
    public IEnumerable<DqRule> AllRules() =>
        Rules.SelectMany(node => node is DqCompositeRule composite ? composite.Leaves() : [(DqRule)node]);

    /// <summary>The labels that apply to <paramref name="rule"/>: the defaults overridden by the rule's own.</summary>
    public IReadOnlyList<DqLabel> EffectiveLabels(DqRuleNode rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var own = rule.Labels.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        return [.. DefaultLabels.Where(l => !own.Contains(l.Key)), .. rule.Labels];
    }

    /// <summary>The canonical DQDL text of the document (see <see cref="Print(DqdlDocument)"/>).</summary>
    public override string ToString() => Print(this);
}
