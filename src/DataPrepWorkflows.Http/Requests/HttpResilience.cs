using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DataPrepWorkflows.Http.Requests;

/// <summary>
/// The retry pipeline of <see cref="SendHttpRequest"/>: each attempt has its own timeout; network errors, attempt
/// timeouts, 408, 429 and 5xx are retried with exponential back-off and jitter, waiting what <c>Retry-After</c> asks
/// when the server says. Delays and timeouts run on the given clock (the engine's), so tests need not wait.
/// </summary>
internal static class HttpResilience
{
    /// <summary>The longest <c>Retry-After</c> honoured; a server asking more is waited for this long.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    public static ResiliencePipeline<HttpResponseMessage> Build(int maxAttempts, TimeSpan baseDelay, TimeSpan attemptTimeout, TimeProvider clock, Action<int>? onRetry = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (maxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, clock)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    onRetry?.Invoke(args.AttemptNumber + 2); // AttemptNumber is 0 before the second attempt
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(attemptTimeout).Build();
    }

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait is null ? null : wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }
}
