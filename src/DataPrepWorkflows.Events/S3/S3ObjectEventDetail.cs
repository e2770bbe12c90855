using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Events.S3;

/// <summary>
/// The <c>detail</c> of an S3 <c>Object Created</c> / <c>Object Deleted</c> event exactly as S3 sends it to
/// EventBridge. Optional members are omitted from JSON when null, as S3 omits them.
/// </summary>
public sealed record S3ObjectEventDetail
{
    /// <summary>Detail version; S3 sends <c>"0"</c>.</summary>
    /// <value>Defaults to <c>"0"</c>.</value>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "0";

    /// <summary>The bucket.</summary>
    [JsonPropertyName("bucket")]
    public required S3BucketReference Bucket { get; init; }

    /// <summary>The object.</summary>
    [JsonPropertyName("object")]
    public required S3ObjectReference Object { get; init; }

    /// <summary>The S3 request id.</summary>
    [JsonPropertyName("request-id")]
    public required string RequestId { get; init; }

    /// <summary>Account id or service principal that made the request (<c>s3.amazonaws.com</c> for lifecycle).</summary>
    [JsonPropertyName("requester")]
    public required string Requester { get; init; }

    /// <summary>Caller's IP address; only present for events triggered by an S3 request.</summary>
    [JsonPropertyName("source-ip-address")]
    public string? SourceIpAddress { get; init; }

    /// <summary>The operation: see <see cref="S3EventReasons"/>.</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary>For deletions: <c>Permanently Deleted</c> or <c>Delete Marker Created</c>.</summary>
    [JsonPropertyName("deletion-type")]
    public string? DeletionType { get; init; }
}

/// <summary><c>detail.bucket</c>.</summary>
/// <param name="Name">The bucket name.</param>
public sealed record S3BucketReference([property: JsonPropertyName("name")] string Name);

/// <summary><c>detail.object</c>.</summary>
public sealed record S3ObjectReference
{
    /// <summary>The object key.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>Size in bytes; present for created objects only.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }

    /// <summary>The entity tag (multipart uploads look like <c>…-12</c>).</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary>Version id; versioned buckets only.</summary>
    [JsonPropertyName("version-id")]
    public string? VersionId { get; init; }

    /// <summary>Hex string that orders events for the same key.</summary>
    [JsonPropertyName("sequencer")]
    public required string Sequencer { get; init; }
}
