namespace DataPrepWorkflows.Dqdl.Rules;

/// <summary>A label <c>"key"="value"</c> on a rule or in <c>DefaultLabels</c>, carried into the rule's results.</summary>
/// <param name="Key">The key, at most 128 characters.</param>
/// <param name="Value">The value, at most 256 characters.</param>
public sealed record DqLabel(string Key, string Value);
