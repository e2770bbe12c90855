namespace DataPrepWorkflows.Storage;

/// <summary>Which object store backs <c>s3://</c> URIs.</summary>
public enum StorageProvider
{
    /// <summary>A local folder, one sub-folder per bucket (the embedded default).</summary>
    Local,

    /// <summary>Amazon S3 or an S3-compatible endpoint, through the AWS SDK.</summary>
    S3,
}
