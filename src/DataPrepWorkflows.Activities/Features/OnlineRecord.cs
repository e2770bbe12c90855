namespace DataPrepWorkflows.Activities.Features;

/// <summary>One row of the online store: the latest record of an identifier, or its soft-delete tombstone.</summary>
/// <param name="RecordId">The record identifier value, as text.</param>
/// <param name="EventTimeMilliseconds">The event time, epoch milliseconds (what ordering uses).</param>
/// <param name="Deleted">Whether the row is a soft-delete tombstone.</param>
/// <param name="Values">Each feature's value as text, in definition order; <see langword="null"/> when absent.</param>
internal sealed record OnlineRecord(string RecordId, long EventTimeMilliseconds, bool Deleted, IReadOnlyList<string?> Values);
