using DataPrepWorkflows.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Server.Telemetry;

/// <summary>Samples the work queue's depth for the <c>dataprep.queue.depth</c> gauge, so a metrics scrape never waits on the database.</summary>
internal sealed partial class QueueDepthSampler(IRuntimeStore store, ServerMetrics metrics, TimeProvider time, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var (due, total) = await store.Work.CountAsync(time.GetUtcNow(), stoppingToken);
                metrics.QueueSampled(due, total);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSampleFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not sample the work queue's depth")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
