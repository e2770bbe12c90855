using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;

namespace DataPrepWorkflows.Storage.S3;

/// <summary>Builds an <see cref="AmazonS3Client"/> from <see cref="S3StorageOptions"/>.</summary>
internal static class S3ClientFactory
{
    private const string DefaultCompatibleRegion = "us-east-1";

    public static AmazonS3Client Create(S3StorageOptions options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (options.MaxErrorRetry is { } retries)
        {
            config.MaxErrorRetry = retries;
        }

        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region ?? DefaultCompatibleRegion;

            // S3-compatible endpoints often reject the SDK's default trailing checksums (aws-chunked uploads).
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else if (options.Region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        var credentials = Credentials(options);
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    private static AWSCredentials? Credentials(S3StorageOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            return string.IsNullOrEmpty(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
        }

        if (options.Profile is not null)
        {
            if (new CredentialProfileStoreChain().TryGetAWSCredentials(options.Profile, out var profile))
            {
                return profile;
            }

            throw new StorageException(
                StorageErrorCodes.InvalidConfiguration,
                $"Storage:S3:Profile '{options.Profile}' was not found in the shared AWS config or credentials files; run 'aws configure --profile {options.Profile}' or remove the setting.");
        }

        return null;
    }
}
