using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace DataPrepWorkflows.Storage.S3;

/// <summary>Turns S3 service errors into <see cref="StorageException"/>s with the same codes the local store uses.</summary>
internal static class S3Errors
{
    public static bool IsNotFound(AmazonS3Exception ex) => ex.StatusCode == HttpStatusCode.NotFound;

    /// <summary>Failures that happen before S3 answers: no credentials, or the endpoint cannot be reached.</summary>
    public static bool IsClientSide(Exception ex) =>
        ex is HttpRequestException || (ex is AmazonClientException && ex is not AmazonServiceException);

    public static StorageException ClientSide(Exception ex, S3Uri uri) =>
        ex is HttpRequestException || ex.InnerException is HttpRequestException
            ? new StorageException(
                StorageErrorCodes.Unreachable,
                $"Could not reach the S3 endpoint for '{uri}' ({ex.Message}); check Storage:S3:ServiceUrl and the network.",
                ex)
            : new StorageException(
                StorageErrorCodes.NoCredentials,
                $"No usable AWS credentials for '{uri}': set Storage:S3:AccessKeyId and SecretAccessKey or Storage:S3:Profile, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run with an instance or container role. ({ex.Message})",
                ex);

    public static StorageException Translate(AmazonS3Exception ex, S3Uri uri) => ex.ErrorCode switch
    {
        "NoSuchBucket" => new StorageException(
            StorageErrorCodes.NoSuchBucket,
            $"Bucket '{uri.Bucket}' (for '{uri}') does not exist at the configured S3 endpoint; create it or fix the URI.",
            ex),
        "NoSuchKey" => new StorageException(
            StorageErrorCodes.NoSuchKey,
            $"'{uri}' does not exist; check the key or list the prefix to see what is there.",
            ex),
        "InvalidArgument" when ex.Message.Contains("continuation", StringComparison.OrdinalIgnoreCase) => new StorageException(
            StorageErrorCodes.InvalidContinuationToken,
            "The continuation token is not one this store produced; start the listing again without a token.",
            ex),
        _ => new StorageException(
            StorageErrorCodes.ServiceError,
            $"S3 refused the request for '{uri}': {ex.ErrorCode} ({(int)ex.StatusCode}) {ex.Message}",
            ex),
    };
}
