namespace DataPrepWorkflows.Storage;

/// <summary>Stable codes carried by <see cref="StorageException"/>; activities surface them as error names.</summary>
public static class StorageErrorCodes
{
    /// <summary>The text is not an <c>s3://bucket/key</c> URI.</summary>
    public const string InvalidUri = "Storage.InvalidUri";

    /// <summary>The bucket name breaks the S3 bucket naming rules.</summary>
    public const string InvalidBucketName = "Storage.InvalidBucketName";

    /// <summary>The object key is empty where an object is required, too long, or unsafe for the local folder.</summary>
    public const string InvalidKey = "Storage.InvalidKey";

    /// <summary>The bucket does not exist.</summary>
    public const string NoSuchBucket = "Storage.NoSuchBucket";

    /// <summary>The object does not exist.</summary>
    public const string NoSuchKey = "Storage.NoSuchKey";

    /// <summary>The continuation token was not produced by this store for this listing.</summary>
    public const string InvalidContinuationToken = "Storage.InvalidContinuationToken";

    /// <summary>The key cannot be stored because a folder or file already occupies part of its path (local folder only).</summary>
    public const string KeyConflict = "Storage.KeyConflict";

    /// <summary>The storage configuration is incomplete or contradictory.</summary>
    public const string InvalidConfiguration = "Storage.InvalidConfiguration";

    /// <summary>S3 refused or failed the request (access denied, throttling, an internal error).</summary>
    public const string ServiceError = "Storage.ServiceError";

    /// <summary>The S3 endpoint could not be reached (wrong URL, no network, endpoint down).</summary>
    public const string Unreachable = "Storage.Unreachable";

    /// <summary>No AWS credentials were found in the configuration or the SDK's default chain.</summary>
    public const string NoCredentials = "Storage.NoCredentials";
}
