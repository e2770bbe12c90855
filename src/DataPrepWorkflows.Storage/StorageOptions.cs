namespace DataPrepWorkflows.Storage;

/// <summary>
/// The <c>Storage</c> section of <c>appsettings.json</c>:
/// <c>{ "Provider": "Local" | "S3", "LocalRoot": ".dataprep/s3", "S3": { "ServiceUrl", "Region", "ForcePathStyle" } }</c>.
/// </summary>
public sealed record StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Which store backs <c>s3://</c> URIs.</summary>
    /// <value><see cref="StorageProvider.Local"/>.</value>
    public StorageProvider Provider { get; init; } = StorageProvider.Local;

    /// <summary>Root folder of the local store, relative to the working directory unless absolute.</summary>
    /// <value><c>.dataprep/s3</c>.</value>
    public string LocalRoot { get; init; } = ".dataprep/s3";

    /// <summary>S3 connection settings, used when <see cref="Provider"/> is <see cref="StorageProvider.S3"/>.</summary>
    public S3StorageOptions S3 { get; init; } = new();

    /// <summary>Problems with these options, each naming the setting and what to do; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            problems.Add($"Storage:Provider '{Provider}' is unknown; use \"Local\" or \"S3\".");
        }

        if (Provider == StorageProvider.Local && string.IsNullOrWhiteSpace(LocalRoot))
        {
            problems.Add("Storage:LocalRoot is empty; set a folder such as \".dataprep/s3\".");
        }

        if (Provider == StorageProvider.S3)
        {
            if (S3.ServiceUrl is not null && !Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out _))
            {
                problems.Add($"Storage:S3:ServiceUrl '{S3.ServiceUrl}' is not an absolute URL such as \"http://127.0.0.1:9000\".");
            }

            if (S3.MaxErrorRetry is < 0)
            {
                problems.Add($"Storage:S3:MaxErrorRetry is {S3.MaxErrorRetry}; use 0 or more.");
            }

            if (string.IsNullOrEmpty(S3.AccessKeyId) != string.IsNullOrEmpty(S3.SecretAccessKey))
            {
                problems.Add("Storage:S3:AccessKeyId and Storage:S3:SecretAccessKey must be set together (or neither, to use the default credential chain).");
            }
        }

        return problems;
    }
}
