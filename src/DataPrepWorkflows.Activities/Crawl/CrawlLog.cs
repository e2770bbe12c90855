using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>The crawler's journal messages.</summary>
internal static partial class CrawlLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {File}: no classifier recognises it (csv, json, parquet, optionally .gz/.zst)")]
    public static partial void Unclassified(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {File}: its folder holds mostly {Classification} files")]
    public static partial void MixedFormat(ILogger logger, string file, string classification);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawling {Target}: {Folders} data folders, {Files} files")]
    public static partial void Found(ILogger logger, string target, int folders, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created table {Table} ({Columns} columns, {Partitions} partitions) at {Location}")]
    public static partial void TableCreated(ILogger logger, string table, int columns, int partitions, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated table {Table}: {Change}")]
    public static partial void TableUpdated(ILogger logger, string table, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table {Table} changed ({Change}) but UpdateBehavior is LOG: the catalog keeps the previous definition")]
    public static partial void UpdateLogged(ILogger logger, string table, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} partitions to {Table}")]
    public static partial void PartitionsAdded(ILogger logger, string table, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data of {Subject} is gone from {Location}; DeleteBehavior {Behavior}")]
    public static partial void DataGone(ILogger logger, string subject, string location, string behavior);

    [LoggerMessage(Level = LogLevel.Information, Message = "No new folders below {Target} since the last crawl")]
    public static partial void NothingNew(ILogger logger, string target);
}
