namespace DataPrepWorkflows.Persistence;

/// <summary>
/// A key that may be accepted once within a window (an event id, a timer's fire time). Enqueuing with a key already
/// recorded and not expired enqueues nothing.
/// </summary>
/// <param name="Key">The key, for example <c>event:aws.s3:&lt;event id&gt;</c>.</param>
/// <param name="ExpiresAt">When the key may be accepted again (the end of the deduplication window).</param>
public sealed record DeduplicationRecord(string Key, DateTimeOffset ExpiresAt);
