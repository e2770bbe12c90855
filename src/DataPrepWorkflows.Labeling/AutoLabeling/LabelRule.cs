using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Labeling.AutoLabeling;

/// <summary>A text rule: when <see cref="Pattern"/> matches the object's text, propose <see cref="Label"/>.</summary>
/// <param name="Label">The label to propose.</param>
/// <param name="Pattern">A .NET regular expression, matched case-insensitively.</param>
/// <param name="Confidence">The confidence the rule gives its label, 0–1.</param>
public sealed record LabelRule(string Label, string Pattern, double Confidence = 1.0)
{
    /// <summary>A rule matching any of <paramref name="keywords"/> as whole words or phrases.</summary>
    public static LabelRule FromKeywords(string label, IEnumerable<string> keywords, double confidence = 1.0)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var alternatives = string.Join("|", keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Regex.Escape(k.Trim())));
        return new LabelRule(label, $@"\b(?:{alternatives})\b", confidence);
    }
}
