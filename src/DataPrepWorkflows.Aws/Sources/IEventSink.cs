using DataPrepWorkflows.Events.Envelope;

namespace DataPrepWorkflows.Aws.Sources;

/// <summary>
/// Where an event source hands each delivered event: the runtime implements it by recording the start durably
/// (deduplicating on the event id) before it answers. The source deletes the message only after
/// <see cref="EventAcceptance.Accepted"/> or <see cref="EventAcceptance.Duplicate"/>.
/// </summary>
public interface IEventSink
{
    /// <summary>Takes one event. Throwing is the same as answering <see cref="EventAcceptance.Retry"/>.</summary>
    /// <param name="evt">The event as EventBridge delivered it.</param>
    /// <param name="source">Where it came from and how often it was delivered.</param>
    /// <param name="cancellationToken">Cancelled only when the host aborts; a graceful stop lets the sink finish.</param>
    ValueTask<EventAcceptance> AcceptAsync(EventBridgeEvent evt, EventSourceInfo source, CancellationToken cancellationToken);
}

/// <summary>The sink's answer for one event.</summary>
public enum EventAcceptance
{
    /// <summary>Durably recorded: the delivery can be deleted.</summary>
    Accepted,

    /// <summary>Already recorded earlier (same event id): the delivery can be deleted.</summary>
    Duplicate,

    /// <summary>Not recorded now (store unavailable, back-pressure): deliver again later, with back-off.</summary>
    Retry,
}

/// <summary>Where an event came from.</summary>
/// <param name="Kind">The kind of source, <c>sqs</c> for the SQS poller.</param>
/// <param name="Address">The source's address (the queue URL for SQS).</param>
/// <param name="MessageId">The transport's id of the message (the same on every delivery of it).</param>
/// <param name="DeliveryCount">How many times it has been delivered, counting this delivery.</param>
public sealed record EventSourceInfo(string Kind, string Address, string MessageId, int DeliveryCount);
