namespace DataPrepWorkflows.Storage;

/// <summary>One page request of a listing, shaped like S3's ListObjectsV2.</summary>
/// <param name="Prefix">Bucket and key prefix to list, for example <c>s3://raw/loans/</c>.</param>
public sealed record ListObjectsRequest(S3Uri Prefix)
{
    /// <summary>S3's page-size ceiling.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Groups keys that contain this string after the prefix into <see cref="ObjectListing.CommonPrefixes"/>
    /// (use <c>/</c> to list "folders"); <see langword="null"/> lists every key below the prefix.
    /// </summary>
    public string? Delimiter { get; init; }

    /// <summary>Most keys plus common prefixes returned in one page.</summary>
    /// <value>1000, S3's maximum.</value>
    public int MaxKeys { get; init; } = MaxPageSize;

    /// <summary>The token from the previous page's <see cref="ObjectListing.NextContinuationToken"/>.</summary>
    public string? ContinuationToken { get; init; }
}
