namespace DataPrepWorkflows.Storage;

/// <summary>One page of a listing: objects and "folders" in key order, and the token for the next page.</summary>
/// <param name="Objects">Objects in this page, ordered by key (UTF-8 binary order, as S3 does).</param>
/// <param name="CommonPrefixes">Prefixes rolled up by the delimiter, each ending with the delimiter.</param>
/// <param name="NextContinuationToken">Pass back to get the next page; <see langword="null"/> on the last page.</param>
public sealed record ObjectListing(
    IReadOnlyList<ObjectInfo> Objects,
    IReadOnlyList<S3Uri> CommonPrefixes,
    string? NextContinuationToken)
{
    /// <summary>Whether more pages follow.</summary>
    public bool IsTruncated => NextContinuationToken is not null;
}
