namespace DataPrepWorkflows.Persistence;

/// <summary>One page of a listing with keyset paging.</summary>
/// <typeparam name="T">The listed item.</typeparam>
/// <param name="Items">The items of this page, in the listing's order.</param>
/// <param name="NextPageToken">Opaque token for the next page, or <c>null</c> on the last page.</param>
/// <param name="TotalCount">How many items match in all, when asked for (counting costs a scan).</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken, long? TotalCount = null);
