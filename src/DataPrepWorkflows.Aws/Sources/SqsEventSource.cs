using DataPrepWorkflows.Aws.Sqs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPrepWorkflows.Aws.Sources;

/// <summary>
/// Polls SQS queues that EventBridge rules deliver to and hands every event to an <see cref="IEventSink"/>:
/// long polling with <see cref="SqsEventSourceOptions.ReceiversPerQueue"/> receive loops per queue, each message handled
/// in parallel; a message is deleted only after the sink accepted it (or called it a duplicate).
/// </summary>
/// <remarks>
/// Errors talking to SQS never end <see cref="RunAsync"/>: the receive loop backs off (exponential, capped, jittered,
/// on the given <see cref="TimeProvider"/>) and tries again.
/// </remarks>
public sealed class SqsEventSource
{
    private const string AllAttributes = "All";
    private readonly SqsClient _sqs;
    private readonly SqsEventSourceOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SqsMessageHandler _handler;

    /// <summary>Creates the source; nothing is received before <see cref="RunAsync"/>.</summary>
    /// <param name="sqs">The SQS client.</param>
    /// <param name="sink">Where events go.</param>
    /// <param name="options">Queues and policies; validated here.</param>
    /// <param name="timeProvider">The clock of every wait and back-off; the system clock by default.</param>
    /// <param name="logger">Where failures are reported.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public SqsEventSource(SqsClient sqs, IEventSink sink, SqsEventSourceOptions options, TimeProvider? timeProvider = null, ILogger<SqsEventSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid SQS event source options: " + string.Join(" ", problems), nameof(options));
        }

        _sqs = sqs;
        _options = options;
        _clock = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _handler = new SqsMessageHandler(sqs, sink, options, _clock, _logger);
    }

    /// <summary>
    /// Polls until <paramref name="stoppingToken"/> is cancelled, then stops receiving and returns once every message
    /// already received has been handled (graceful stop). <paramref name="abortToken"/> cancels the sink and the
    /// in-flight calls too; their messages come back after their visibility timeout.
    /// </summary>
    public Task RunAsync(CancellationToken stoppingToken, CancellationToken abortToken = default) =>
        Task.WhenAll(_options.QueueUrls.SelectMany(queue =>
            Enumerable.Range(0, _options.ReceiversPerQueue).Select(_ => Task.Run(() => ReceiveLoopAsync(queue, stoppingToken, abortToken), CancellationToken.None))));

    private async Task ReceiveLoopAsync(string queueUrl, CancellationToken stopping, CancellationToken abort)
    {
        var request = new ReceiveMessageRequest(queueUrl)
        {
            MaxNumberOfMessages = _options.MaxMessagesPerReceive,
            WaitTimeSeconds = _options.WaitTimeSeconds,
            VisibilityTimeout = Backoff.Seconds(_options.VisibilityTimeout),
            MessageSystemAttributeNames = [SqsSystemAttributes.ApproximateReceiveCount, SqsSystemAttributes.SentTimestamp],
            MessageAttributeNames = [AllAttributes],
        };
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            IReadOnlyList<SqsMessage> messages;
            try
            {
                messages = await _sqs.ReceiveMessageAsync(request, stopping).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff.Jittered(_options.ErrorBackoffBase, _options.ErrorBackoffMax, failures, Random.Shared.NextDouble());
                SqsEventSourceLog.ReceiveFailed(_logger, queueUrl, failures, delay, ex);
                try
                {
                    await Task.Delay(delay, _clock, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            // In-flight messages finish even when a stop is requested meanwhile: only the abort token cuts them short.
            await Task.WhenAll(messages.Select(message => _handler.HandleAsync(queueUrl, message, abort))).ConfigureAwait(false);
        }
    }
}
