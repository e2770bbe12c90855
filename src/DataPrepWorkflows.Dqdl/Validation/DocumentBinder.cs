using DataPrepWorkflows.Dqdl.Catalog;
using DataPrepWorkflows.Dqdl.Rules;
using DataPrepWorkflows.Dqdl.Syntax;

namespace DataPrepWorkflows.Dqdl.Validation;

/// <summary>
/// Turns the parser's syntax tree into a validated <see cref="DqdlDocument"/>, reporting every semantic problem
/// (sections, variables, labels, rules, analyzers, duplicates) rather than stopping at the first.
/// </summary>
internal static class DocumentBinder
{
    private static readonly string[] MetadataKeys = ["Version"];

    public static DqdlDocument Bind(SyntaxDocument syntax, RuleTypeCatalog catalog, List<DqdlDiagnostic> diagnostics)
    {
        var metadata = BindMetadata(syntax.Metadata, diagnostics);
        var dataSources = BindDataSources(syntax.DataSources, diagnostics);

        var variables = new VariableScope(diagnostics);
        foreach (var variable in syntax.Variables)
        {
            variables.Declare(variable);
        }

        var defaultLabels = LabelRules.Bind(syntax.DefaultLabels, 0, new SourcePosition(1, 1), diagnostics);
        var binder = new RuleBinder(catalog, variables, defaultLabels.Count, diagnostics);

        var rules = new List<DqRuleNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in syntax.Rules ?? [])
        {
            if (binder.BindRuleNode(node) is not { } rule)
            {
                continue;
            }

            if (!seen.Add(rule.ToString()))
            {
                diagnostics.Add(DqdlDiagnostic.At(
                    rule.Position,
                    DqdlDiagnosticCodes.DuplicateRule,
                    $"The rule '{rule}' appears more than once; remove the repetition."));
            }

            rules.Add(rule);
        }

        var analyzers = new List<DqAnalyzer>();
        foreach (var analyzer in syntax.Analyzers ?? [])
        {
            if (binder.BindAnalyzer(analyzer) is { } bound)
            {
                analyzers.Add(bound);
            }
        }

        if ((syntax.Rules ?? []).Count == 0 && (syntax.Analyzers ?? []).Count == 0)
        {
            diagnostics.Add(DqdlDiagnostic.At(
                syntax.RulesPosition,
                DqdlDiagnosticCodes.NoRulesOrAnalyzers,
                "No rules or analyzers provided; add at least one, e.g. Rules = [ RowCount > 0 ]."));
        }

        return new DqdlDocument(metadata, dataSources, variables.Declared, defaultLabels, rules, analyzers);
    }

    private static List<KeyValuePair<string, string>> BindMetadata(SyntaxDictionary? dictionary, List<DqdlDiagnostic> diagnostics)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var pair in Pairs(dictionary, "Metadata", diagnostics))
        {
            if (!MetadataKeys.Contains(pair.Key, StringComparer.Ordinal))
            {
                Report(diagnostics, pair.Position, DqdlDiagnosticCodes.UnsupportedMetadataKey, $"Unsupported key \"{pair.Key}\" in Metadata; the only key is \"Version\".");
            }
            else if (pair.Value is null)
            {
                Report(diagnostics, pair.Position, DqdlDiagnosticCodes.InvalidDictionaryValue, $"Metadata \"{pair.Key}\" must be a string, e.g. \"1.0\".");
            }
            else
            {
                entries.Add(new(pair.Key, pair.Value));
            }
        }

        return entries;
    }

    private static DqdlDataSources? BindDataSources(SyntaxDictionary? dictionary, List<DqdlDiagnostic> diagnostics)
    {
        if (dictionary is null)
        {
            return null;
        }

        string? primary = null;
        IReadOnlyList<string>? additional = null;
        foreach (var pair in Pairs(dictionary, "DataSources", diagnostics))
        {
            switch (pair.Key)
            {
                case "Primary" when pair.Value is not null:
                    primary = pair.Value;
                    break;
                case "Primary":
                    Report(diagnostics, pair.Position, DqdlDiagnosticCodes.InvalidDictionaryValue, "\"Primary\" must be a single data source name in quotes.");
                    break;
                case "AdditionalDataSources" when pair.Items is not null:
                    additional = pair.Items;
                    break;
                case "AdditionalDataSources":
                    Report(diagnostics, pair.Position, DqdlDiagnosticCodes.InvalidDictionaryValue, "\"AdditionalDataSources\" must be a list, e.g. [ \"reference\" ].");
                    break;
                default:
                    Report(diagnostics, pair.Position, DqdlDiagnosticCodes.UnsupportedDataSourcesKey, $"Unsupported key \"{pair.Key}\" in DataSources; the keys are \"Primary\" and \"AdditionalDataSources\".");
                    break;
            }
        }

        return new DqdlDataSources(primary, additional);
    }

    private static IEnumerable<SyntaxPair> Pairs(SyntaxDictionary? dictionary, string section, List<DqdlDiagnostic> diagnostics)
    {
        if (dictionary is null)
        {
            yield break;
        }

        if (dictionary.Pairs.Count == 0)
        {
            Report(diagnostics, dictionary.Position, DqdlDiagnosticCodes.EmptyDictionary, $"The {section} section is empty; remove it or add an entry.");
            yield break;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in dictionary.Pairs)
        {
            if (keys.Add(pair.Key))
            {
                yield return pair;
            }
            else
            {
                Report(diagnostics, pair.Position, DqdlDiagnosticCodes.DuplicateDictionaryKey, $"\"{pair.Key}\" is given twice in {section}.");
            }
        }
    }

    private static void Report(List<DqdlDiagnostic> diagnostics, SourcePosition position, string code, string message) =>
        diagnostics.Add(DqdlDiagnostic.At(position, code, message));
}
