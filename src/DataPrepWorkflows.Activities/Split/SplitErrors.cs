namespace DataPrepWorkflows.Activities.Split;

/// <summary>Error names the <see cref="SplitActivity"/> faults with, for <c>retry</c> and <c>catch</c>.</summary>
public static class SplitErrors
{
    /// <summary>An input is missing or does not fit the data; the message names the input.</summary>
    public const string InvalidInput = "Split.InvalidInput";

    /// <summary>The data cannot be read or the splits cannot be written; the message names the file.</summary>
    public const string DataUnreadable = "Split.DataUnreadable";
}
