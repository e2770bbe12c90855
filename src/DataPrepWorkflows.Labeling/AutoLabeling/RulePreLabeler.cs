using System.Text.RegularExpressions;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.AutoLabeling;

/// <summary>
/// Keyword and regular-expression rules over a text object's <c>source</c> (or another key). Single-label tasks take
/// the first rule that matches; multi-label tasks take every matching rule's label, with the lowest of their
/// confidences. Texts no rule matches get no proposal.
/// </summary>
public sealed class RulePreLabeler : IPreLabeler
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private readonly List<(LabelRule Rule, Regex Regex)> _rules;
    private readonly string _textKey;

    /// <summary>Compiles the rules.</summary>
    /// <param name="rules">The rules, in priority order.</param>
    /// <param name="textKey">The manifest key holding the text. <value><c>source</c></value></param>
    /// <param name="field">How diagnostics name the rule list. <value><c>rules</c></value></param>
    /// <exception cref="LabelingException">A pattern does not compile or a confidence is outside 0–1.</exception>
    public RulePreLabeler(IEnumerable<LabelRule> rules, string textKey = "source", string field = "rules")
    {
        ArgumentNullException.ThrowIfNull(rules);
        _textKey = textKey;
        _rules = [];
        var index = 0;
        foreach (var rule in rules)
        {
            if (rule.Confidence is < 0 or > 1 || double.IsNaN(rule.Confidence))
            {
                throw new LabelingException(LabelingErrorCodes.InvalidAutoLabeling, $"{field}[{index}].confidence", $"is {rule.Confidence}; it must be between 0 and 1.");
            }

            try
            {
                _rules.Add((rule, new Regex(rule.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout)));
            }
            catch (ArgumentException e)
            {
                throw new LabelingException(LabelingErrorCodes.InvalidAutoLabeling, $"{field}[{index}].pattern", $"'{rule.Pattern}' is not a valid regular expression: {e.Message}");
            }

            index++;
        }
    }

    /// <summary>The rules, in priority order.</summary>
    public IReadOnlyList<LabelRule> Rules => _rules.Select(r => r.Rule).ToList();

    /// <inheritdoc />
    public ValueTask<PreLabel?> PreLabelAsync(DataObject item, LabelingJobDefinition job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(job);
        var text = item.Line[_textKey] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (text is null)
        {
            return ValueTask.FromResult<PreLabel?>(null);
        }

        var matches = _rules.Where(r => r.Regex.IsMatch(text)).Select(r => r.Rule).ToList();
        if (matches.Count == 0)
        {
            return ValueTask.FromResult<PreLabel?>(null);
        }

        if (!job.TaskType.IsMultiLabel())
        {
            return ValueTask.FromResult<PreLabel?>(new PreLabel([matches[0].Label], matches[0].Confidence));
        }

        var labels = matches.Select(m => m.Label).Distinct(StringComparer.Ordinal).ToList();
        return ValueTask.FromResult<PreLabel?>(new PreLabel(labels, matches.Min(m => m.Confidence)));
    }
}
