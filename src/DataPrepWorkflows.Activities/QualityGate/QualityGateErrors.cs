namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>Error names the <see cref="QualityGateActivity"/> faults with, for <c>retry</c> and <c>catch</c>.</summary>
public static class QualityGateErrors
{
    /// <summary>The ruleset does not parse or validate; the message lists each diagnostic with its line and column.</summary>
    public const string InvalidRuleset = "QualityGate.InvalidRuleset";

    /// <summary>An input is missing or malformed; the message names the input.</summary>
    public const string InvalidInput = "QualityGate.InvalidInput";

    /// <summary>The data or a reference dataset cannot be read; the message names it.</summary>
    public const string DataUnreadable = "QualityGate.DataUnreadable";
}
