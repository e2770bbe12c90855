namespace DataPrepWorkflows.Events.Sources.Local;

/// <summary>What the watcher knows of one object: enough to tell a new write from the same file seen again.</summary>
/// <param name="Size">Size in bytes.</param>
/// <param name="WriteTicks">The file's last write time (UTC ticks).</param>
/// <param name="ETag">MD5 of the content in hex (without quotes, as S3 events carry it).</param>
internal sealed record ObjectState(long Size, long WriteTicks, string ETag);
