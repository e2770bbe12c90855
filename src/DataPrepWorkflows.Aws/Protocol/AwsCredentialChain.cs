using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>
/// Credentials in the order the AWS CLI uses: explicit keys, a named profile, then AWSSDK.Core's default chain
/// (environment, shared files with <c>AWS_PROFILE</c>, SSO, web identity, container and instance roles).
/// </summary>
internal static class AwsCredentialChain
{
    public static AWSCredentials Resolve(AwsClientOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            return string.IsNullOrEmpty(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
        }

        if (!string.IsNullOrEmpty(options.Profile))
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(options.Profile, out var profile)
                ? profile
                : throw new AwsConfigurationException(
                    $"The AWS profile '{options.Profile}' is not in the shared config or credentials files; run 'aws configure --profile {options.Profile}' or choose another profile.");
        }

        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException ex)
        {
            throw new AwsConfigurationException(
                "No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, choose a profile (AWS_PROFILE), or run where a role provides them.",
                ex);
        }
    }
}
