namespace DataPrepWorkflows.Storage;

/// <summary>What S3 reports about an object: its address, size, ETag and last-modified time.</summary>
/// <param name="Uri">The object's address.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ETag">
/// The entity tag as S3 returns it, quotes included. For a single-part upload this is the MD5 of the content in
/// lowercase hex, for example <c>"9e107d9d372bb6826bd81d3542a419d6"</c>.
/// </param>
/// <param name="LastModified">When the object was last written, in UTC, to whole seconds as S3 reports it.</param>
public sealed record ObjectInfo(S3Uri Uri, long Size, string ETag, DateTimeOffset LastModified)
{
    /// <summary>The object key.</summary>
    public string Key => Uri.Key;
}
