namespace DataPrepWorkflows.Storage;

/// <summary>The <c>Storage:S3</c> section: how to reach S3 or an S3-compatible endpoint.</summary>
public sealed record S3StorageOptions
{
    /// <summary>Endpoint override for S3-compatible services (for example <c>http://127.0.0.1:9000</c>); <see langword="null"/> for AWS.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>AWS region; <see langword="null"/> lets the SDK resolve it (environment, profile), or <c>us-east-1</c> with <see cref="ServiceUrl"/>.</summary>
    public string? Region { get; init; }

    /// <summary>Use path-style addressing (<c>endpoint/bucket/key</c>), which most S3-compatible endpoints need.</summary>
    /// <value><see langword="false"/>.</value>
    public bool ForcePathStyle { get; init; }

    /// <summary>Named profile from the shared AWS config files; <see langword="null"/> uses the SDK's default credential chain.</summary>
    public string? Profile { get; init; }

    /// <summary>Explicit access key id; set together with <see cref="SecretAccessKey"/>, otherwise the default chain is used.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Explicit secret access key, paired with <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>Session token for temporary explicit credentials.</summary>
    public string? SessionToken { get; init; }

    /// <summary>How many times the SDK retries a failed request; <see langword="null"/> keeps the SDK's default.</summary>
    public int? MaxErrorRetry { get; init; }
}
