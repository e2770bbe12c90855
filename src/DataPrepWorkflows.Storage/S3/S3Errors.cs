using System.Net;
using Amazon.S3;

namespace DataPrepWorkflows.Storage.S3;

/// <summary>Turns S3 service errors into <see cref="StorageException"/>s with the same codes the local store uses.</summary>
internal static class S3Errors
{
    public static bool IsNotFound(AmazonS3Exception ex) => ex.StatusCode == HttpStatusCode.NotFound;

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
