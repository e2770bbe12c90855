using DataPrepWorkflows.Aws.Sqs;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Aws.Sources;

/// <summary>
/// Keeps one message hidden while the sink works: shortly before the visibility timeout lapses it sets it again, so no
/// other receiver gets the message and starts it a second time.
/// </summary>
internal sealed class VisibilityRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private VisibilityRenewal(Func<CancellationToken, Task> loop) => _loop = loop(_stop.Token);

    public static VisibilityRenewal Start(SqsClient sqs, string queueUrl, SqsMessage message, SqsEventSourceOptions options, TimeProvider clock, ILogger logger)
    {
        var every = options.VisibilityTimeout - options.VisibilityRenewalMargin;
        var seconds = Backoff.Seconds(options.VisibilityTimeout);
        return new VisibilityRenewal(async stop =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(every, clock, stop).ConfigureAwait(false);
                    await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest(queueUrl, message.ReceiptHandle, seconds), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // A lapse only risks a second delivery, which the sink answers with Duplicate: keep renewing.
                    SqsEventSourceLog.MessageCallFailed(logger, message.MessageId, queueUrl, "extending its visibility", ex);
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
