using DataPrepWorkflows.Aws.Protocol;

namespace DataPrepWorkflows.Aws.Sqs;

/// <summary>
/// Amazon SQS over the AWS JSON 1.0 protocol (<c>X-Amz-Target: AmazonSQS.&lt;Operation&gt;</c>), SigV4-signed with
/// AWSSDK.Core. Thread-safe. Errors are <see cref="AwsServiceException"/>; the client does not retry.
/// </summary>
public sealed class SqsClient : IDisposable
{
    private static readonly SqsJsonContext Json = SqsJsonContext.Default;
    private readonly AwsJsonTransport _transport;

    /// <summary>Creates a client; endpoint, region and credentials resolve from <paramref name="options"/> and the standard chain.</summary>
    /// <param name="options">Endpoint, region and credentials; empty for the defaults.</param>
    /// <param name="httpClient">The HTTP client to send with; <see langword="null"/> creates one that the client owns.</param>
    /// <param name="timeProvider">The clock that dates signatures; the system clock by default.</param>
    /// <exception cref="AwsConfigurationException">No region or credentials can be resolved.</exception>
    public SqsClient(AwsClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null) =>
        _transport = new AwsJsonTransport(AwsJsonService.Sqs, options, httpClient, timeProvider);

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => _transport.Endpoint.Url;

    /// <summary>The signing region.</summary>
    public string Region => _transport.Endpoint.Region;

    /// <summary>Creates a queue (or returns the existing one with the same attributes) and returns its URL.</summary>
    public async Task<string> CreateQueueAsync(CreateQueueRequest request, CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync("CreateQueue", request, Json.CreateQueueRequest, Json.QueueUrlResponse, cancellationToken).ConfigureAwait(false)).QueueUrl;

    /// <summary>Returns the URL of a queue by name.</summary>
    public async Task<string> GetQueueUrlAsync(GetQueueUrlRequest request, CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync("GetQueueUrl", request, Json.GetQueueUrlRequest, Json.QueueUrlResponse, cancellationToken).ConfigureAwait(false)).QueueUrl;

    /// <summary>Reads queue attributes.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(GetQueueAttributesRequest request, CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync("GetQueueAttributes", request, Json.GetQueueAttributesRequest, Json.GetQueueAttributesResponse, cancellationToken).ConfigureAwait(false)).Attributes ?? new Dictionary<string, string>();

    /// <summary>Sets queue attributes.</summary>
    public Task SetQueueAttributesAsync(SetQueueAttributesRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("SetQueueAttributes", request, Json.SetQueueAttributesRequest, Json.NoOutput, cancellationToken);

    /// <summary>Sends one message.</summary>
    public Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("SendMessage", request, Json.SendMessageRequest, Json.SendMessageResponse, cancellationToken);

    /// <summary>Sends up to 10 messages; check <see cref="SendMessageBatchResponse.Failed"/>.</summary>
    public Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("SendMessageBatch", request, Json.SendMessageBatchRequest, Json.SendMessageBatchResponse, cancellationToken);

    /// <summary>Receives up to 10 messages, waiting up to <see cref="ReceiveMessageRequest.WaitTimeSeconds"/> for one.</summary>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveMessageAsync(ReceiveMessageRequest request, CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync("ReceiveMessage", request, Json.ReceiveMessageRequest, Json.ReceiveMessageResponse, cancellationToken).ConfigureAwait(false)).Messages ?? [];

    /// <summary>Deletes a delivered message.</summary>
    public Task DeleteMessageAsync(DeleteMessageRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DeleteMessage", request, Json.DeleteMessageRequest, Json.NoOutput, cancellationToken);

    /// <summary>Deletes up to 10 delivered messages; check <see cref="DeleteMessageBatchResponse.Failed"/>.</summary>
    public Task<DeleteMessageBatchResponse> DeleteMessageBatchAsync(DeleteMessageBatchRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DeleteMessageBatch", request, Json.DeleteMessageBatchRequest, Json.DeleteMessageBatchResponse, cancellationToken);

    /// <summary>Sets a delivered message's visibility timeout, counted from now.</summary>
    public Task ChangeMessageVisibilityAsync(ChangeMessageVisibilityRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("ChangeMessageVisibility", request, Json.ChangeMessageVisibilityRequest, Json.NoOutput, cancellationToken);

    /// <summary>Deletes a queue and its messages.</summary>
    public Task DeleteQueueAsync(string queueUrl, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DeleteQueue", new QueueRequest(queueUrl), Json.QueueRequest, Json.NoOutput, cancellationToken);

    /// <summary>Deletes every message in a queue.</summary>
    public Task PurgeQueueAsync(string queueUrl, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("PurgeQueue", new QueueRequest(queueUrl), Json.QueueRequest, Json.NoOutput, cancellationToken);

    /// <summary>Releases the HTTP client when the client created it.</summary>
    public void Dispose() => _transport.Dispose();
}
