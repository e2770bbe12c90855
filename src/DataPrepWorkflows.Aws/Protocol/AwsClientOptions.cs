namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>
/// How a client reaches an AWS service. Every member is optional: unset members resolve through the same chain the AWS
/// SDKs and CLI use (environment variables, the shared config/credentials files, container and instance roles).
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>
    /// Endpoint override, for example <c>http://127.0.0.1:5000</c> for moto or LocalStack; <see langword="null"/> uses
    /// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then the service's regional endpoint.
    /// </summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Region; <see langword="null"/> uses <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c> or the profile's region (us-east-1 with an endpoint override).</summary>
    public string? Region { get; init; }

    /// <summary>Named profile in the shared config/credentials files; <see langword="null"/> uses the default credential chain.</summary>
    public string? Profile { get; init; }

    /// <summary>Explicit access key id, used together with <see cref="SecretAccessKey"/>.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Explicit secret access key, paired with <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>Session token for temporary explicit credentials.</summary>
    public string? SessionToken { get; init; }
}
