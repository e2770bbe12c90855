using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Aws.EventBridge;

/// <summary>One event of a <c>PutEvents</c> call.</summary>
/// <param name="Source">Who emits it, for example <c>aws.s3</c> (custom sources may not start with <c>aws.</c> on AWS).</param>
/// <param name="DetailType">What happened, for example <c>Object Created</c>.</param>
/// <param name="Detail">The detail as a JSON object text.</param>
public sealed record PutEventsEntry(string Source, string DetailType, string Detail)
{
    /// <summary>The event time; the time of the call when unset. Sent as epoch seconds.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? Time { get; init; }

    /// <summary>ARNs of the resources concerned.</summary>
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>The event bus name or ARN; <c>default</c> when unset.</summary>
    public string? EventBusName { get; init; }
}

/// <summary><c>PutEvents</c> input (1–10 entries).</summary>
/// <param name="Entries">The events.</param>
public sealed record PutEventsRequest(IReadOnlyList<PutEventsEntry> Entries);

/// <summary>The fate of one entry: an event id, or an error.</summary>
public sealed record PutEventsResultEntry
{
    /// <summary>The id of the event put.</summary>
    public string? EventId { get; init; }

    /// <summary>AWS's error code when the entry failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>AWS's message when the entry failed.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary><c>PutEvents</c> output: one result per entry, in order.</summary>
public sealed record PutEventsResponse
{
    /// <summary>How many entries failed.</summary>
    public int FailedEntryCount { get; init; }

    /// <summary>Results in the order of the entries.</summary>
    public IReadOnlyList<PutEventsResultEntry> Entries { get; init; } = [];
}

/// <summary><c>TestEventPattern</c> input.</summary>
/// <param name="EventPattern">The pattern as JSON text.</param>
/// <param name="Event">A complete event envelope as JSON text.</param>
public sealed record TestEventPatternRequest(string EventPattern, string Event);

/// <summary><c>TestEventPattern</c> output.</summary>
/// <param name="Result">Whether the event matches.</param>
internal sealed record TestEventPatternResponse(bool Result);
