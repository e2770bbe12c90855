using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;

namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>
/// One AWS JSON service (protocol 1.0 or 1.1): serializes a request record, signs it, POSTs it and reads the answer or
/// the typed error. No retries here: callers decide (the SQS poller backs off, the CLI reports).
/// </summary>
internal sealed class AwsJsonTransport : IDisposable
{
    private readonly AwsJsonService _service;
    private readonly AWSCredentials _credentials;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _clock;

    public AwsJsonTransport(AwsJsonService service, AwsClientOptions options, HttpClient? http, TimeProvider? clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _service = service;
        Endpoint = AwsEndpoint.Resolve(service, options, Environment.GetEnvironmentVariable);
        _credentials = AwsCredentialChain.Resolve(options);
        _ownsHttp = http is null;
        _http = http ?? new HttpClient();
        _clock = clock ?? TimeProvider.System;
    }

    public AwsEndpoint Endpoint { get; }

    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var credentials = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint.Url)
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(_service.ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", _service.TargetPrefix + "." + operation);
        SigV4Signer.Sign(message, body, credentials, Endpoint.Region, _service.SigningName, _clock.GetUtcNow());

        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.FirstOrDefault() : null;
            var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
            var (code, text) = AwsErrorParser.Parse(response.StatusCode, errorType, answer);
            throw new AwsServiceException(_service.ServiceId, operation, code, text, response.StatusCode, requestId);
        }

        // Operations without output members answer with an empty body (or '{}').
        return JsonSerializer.Deserialize(answer.Length == 0 ? "{}"u8 : answer, responseType)
            ?? throw new JsonException($"{_service.ServiceId} {operation} answered with JSON null.");
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
