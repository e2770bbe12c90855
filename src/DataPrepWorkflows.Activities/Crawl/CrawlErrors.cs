namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>Error names the <see cref="CrawlActivity"/> activity faults with, for <c>retry</c> and <c>catch</c>.</summary>
public static class CrawlErrors
{
    /// <summary>An input is missing or malformed; the message names the input and what to write instead.</summary>
    public const string InvalidInput = "Crawl.InvalidInput";

    /// <summary>A target could not be read (missing bucket, a file DuckDB cannot parse); the message names it.</summary>
    public const string TargetUnreadable = "Crawl.TargetUnreadable";
}
