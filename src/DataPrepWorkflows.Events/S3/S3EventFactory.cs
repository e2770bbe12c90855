using System.Globalization;
using System.Text.Json;
using DataPrepWorkflows.Events.Envelope;

namespace DataPrepWorkflows.Events.S3;

/// <summary>
/// Builds S3 object events in the exact shape S3 sends to EventBridge, for the local storage watcher, manual replays
/// and tests. Ids are fresh v4 UUIDs; sequencers increase for events built by one factory, as S3's do per key.
/// </summary>
/// <param name="timeProvider">The clock for <c>time</c> and sequencers.</param>
/// <param name="account">The bucket owner's account id.</param>
/// <param name="region">The bucket's region.</param>
public sealed class S3EventFactory(TimeProvider timeProvider, string account = "000000000000", string region = "us-east-1")
{
    private const string RequestIdAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string LifecycleRequester = "s3.amazonaws.com";
    private readonly string _account = account;
    private long _lastSequence;

    /// <summary>The <c>requester</c> of request-driven events.</summary>
    /// <value>Defaults to the account id.</value>
    public string Requester { get; init; } = account;

    /// <summary>The <c>source-ip-address</c> of request-driven events.</summary>
    /// <value>Defaults to <c>127.0.0.1</c>.</value>
    public string SourceIpAddress { get; init; } = "127.0.0.1";

    /// <summary>An <c>Object Created</c> event.</summary>
    /// <param name="bucket">Bucket name.</param>
    /// <param name="key">Object key.</param>
    /// <param name="size">Size in bytes.</param>
    /// <param name="etag">Entity tag, without quotes.</param>
    /// <param name="reason">One of <see cref="S3EventReasons"/>' created reasons.</param>
    /// <param name="versionId">Version id for versioned buckets.</param>
    public EventBridgeEvent ObjectCreated(string bucket, string key, long size, string etag, string reason = S3EventReasons.PutObject, string? versionId = null)
    {
        var detail = new S3ObjectEventDetail
        {
            Bucket = new S3BucketReference(bucket),
            Object = new S3ObjectReference { Key = key, Size = size, ETag = etag, VersionId = versionId, Sequencer = NextSequencer() },
            RequestId = NewRequestId(),
            Requester = Requester,
            SourceIpAddress = SourceIpAddress,
            Reason = reason,
        };
        return Envelope(S3DetailTypes.ObjectCreated, bucket, detail);
    }

    /// <summary>An <c>Object Deleted</c> event. Lifecycle expirations carry S3's service principal and no IP address.</summary>
    /// <param name="bucket">Bucket name.</param>
    /// <param name="key">Object key.</param>
    /// <param name="etag">Entity tag of the deleted object, if known.</param>
    /// <param name="reason"><see cref="S3EventReasons.DeleteObject"/> or <see cref="S3EventReasons.LifecycleExpiration"/>.</param>
    /// <param name="deletionType">One of <see cref="S3DeletionTypes"/>.</param>
    /// <param name="versionId">Version id for versioned buckets.</param>
    public EventBridgeEvent ObjectDeleted(
        string bucket,
        string key,
        string? etag = null,
        string reason = S3EventReasons.DeleteObject,
        string deletionType = S3DeletionTypes.PermanentlyDeleted,
        string? versionId = null)
    {
        var lifecycle = reason == S3EventReasons.LifecycleExpiration;
        var detail = new S3ObjectEventDetail
        {
            Bucket = new S3BucketReference(bucket),
            Object = new S3ObjectReference { Key = key, ETag = etag, VersionId = versionId, Sequencer = NextSequencer() },
            RequestId = NewRequestId(),
            Requester = lifecycle ? LifecycleRequester : Requester,
            SourceIpAddress = lifecycle ? null : SourceIpAddress,
            Reason = reason,
            DeletionType = deletionType,
        };
        return Envelope(S3DetailTypes.ObjectDeleted, bucket, detail);
    }

    private EventBridgeEvent Envelope(string detailType, string bucket, S3ObjectEventDetail detail) => new()
    {
        Id = Guid.NewGuid().ToString(),
        DetailType = detailType,
        Source = S3DetailTypes.Source,
        Account = _account,
        Time = timeProvider.GetUtcNow(),
        Region = region,
        Resources = ["arn:aws:s3:::" + bucket],
        Detail = JsonSerializer.SerializeToElement(detail, EventsJsonContext.Default.S3ObjectEventDetail),
    };

    private string NextSequencer()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        long sequence;
        long previous;
        do
        {
            previous = Interlocked.Read(ref _lastSequence);
            sequence = Math.Max(now, previous + 1);
        }
        while (Interlocked.CompareExchange(ref _lastSequence, sequence, previous) != previous);

        return sequence.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static string NewRequestId() =>
        string.Create(16, 0, static (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = RequestIdAlphabet[Random.Shared.Next(RequestIdAlphabet.Length)];
            }
        });
}
