using System.Collections.Concurrent;

namespace DataPrepWorkflows.Aws.Tests.Support;

/// <summary>A request as it went over the wire, with the status of the answer.</summary>
internal sealed record RecordedRequest(string Target, string? ContentType, string? Authorization, byte[] Body, int Status)
{
    public string Operation => Target[(Target.IndexOf('.', StringComparison.Ordinal) + 1)..];
}

/// <summary>Sends requests on to moto and keeps every one, so tests can validate them and wait for a given call.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int Count(string operation) => _requests.Count(r => r.Operation == operation);

    /// <summary>Waits (bounded) until <paramref name="count"/> calls of <paramref name="operation"/> have been answered.</summary>
    public async Task WaitForAsync(string operation, int count = 1)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (Count(operation) < count)
        {
            try
            {
                await _arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} {operation} call(s) within {WaitLimit.TotalSeconds} s; saw: {string.Join(", ", _requests.Select(r => r.Operation))}.");
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        _requests.Enqueue(new RecordedRequest(
            request.Headers.TryGetValues("X-Amz-Target", out var target) ? target.Single() : "",
            request.Content?.Headers.ContentType?.ToString(),
            request.Headers.TryGetValues("Authorization", out var auth) ? auth.Single() : null,
            body,
            (int)response.StatusCode));
        _arrived.Release();
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _arrived.Dispose();
        }

        base.Dispose(disposing);
    }
}
