namespace DataPrepWorkflows.Events.S3;

/// <summary>The <c>detail-type</c> values S3 uses for object events.</summary>
public static class S3DetailTypes
{
    /// <summary>The <c>source</c> of every S3 event.</summary>
    public const string Source = "aws.s3";

    /// <summary>An object was written.</summary>
    public const string ObjectCreated = "Object Created";

    /// <summary>An object was deleted or expired.</summary>
    public const string ObjectDeleted = "Object Deleted";
}

/// <summary>The <c>detail.reason</c> values of S3 object events.</summary>
public static class S3EventReasons
{
    /// <summary>Created by PUT.</summary>
    public const string PutObject = "PutObject";

    /// <summary>Created by a browser-form POST.</summary>
    public const string PostObject = "POST Object";

    /// <summary>Created by copy.</summary>
    public const string CopyObject = "CopyObject";

    /// <summary>Created by completing a multipart upload.</summary>
    public const string CompleteMultipartUpload = "CompleteMultipartUpload";

    /// <summary>Deleted by request.</summary>
    public const string DeleteObject = "DeleteObject";

    /// <summary>Deleted by a lifecycle rule.</summary>
    public const string LifecycleExpiration = "Lifecycle Expiration";
}

/// <summary>The <c>detail.deletion-type</c> values.</summary>
public static class S3DeletionTypes
{
    /// <summary>Unversioned bucket, or a versioned permanent delete.</summary>
    public const string PermanentlyDeleted = "Permanently Deleted";

    /// <summary>A delete marker was added to a versioned bucket.</summary>
    public const string DeleteMarkerCreated = "Delete Marker Created";
}
