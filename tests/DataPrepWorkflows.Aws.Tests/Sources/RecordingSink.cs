using System.Collections.Concurrent;
using System.Threading.Channels;
using DataPrepWorkflows.Aws.Sources;
using DataPrepWorkflows.Events.Envelope;

namespace DataPrepWorkflows.Aws.Tests.Sources;

/// <summary>A sink that answers with a test-chosen behaviour and announces every call.</summary>
internal sealed class RecordingSink(Func<EventBridgeEvent, EventSourceInfo, Task<EventAcceptance>> behaviour) : IEventSink
{
    private readonly Channel<(EventBridgeEvent Event, EventSourceInfo Source)> _calls = Channel.CreateUnbounded<(EventBridgeEvent, EventSourceInfo)>();

    public RecordingSink(EventAcceptance answer)
        : this((_, _) => Task.FromResult(answer))
    {
    }

    public ConcurrentQueue<(EventBridgeEvent Event, EventSourceInfo Source)> Calls { get; } = new();

    public async ValueTask<EventAcceptance> AcceptAsync(EventBridgeEvent evt, EventSourceInfo source, CancellationToken cancellationToken)
    {
        Calls.Enqueue((evt, source));
        _calls.Writer.TryWrite((evt, source));
        return await behaviour(evt, source);
    }

    /// <summary>The next call, waiting for it at most 30 s.</summary>
    public async Task<(EventBridgeEvent Event, EventSourceInfo Source)> NextCallAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            return await _calls.Reader.ReadAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The sink was not called within 30 s.");
        }
    }
}
