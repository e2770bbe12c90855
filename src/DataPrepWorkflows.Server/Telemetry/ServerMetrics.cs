using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Server;

/// <summary>
/// The product's metrics (meter <c>DataPrepWorkflows</c>) and traces (activity source <c>DataPrepWorkflows</c>):
/// runs started, completed and faulted, activity durations, queue depth, events ingested. Hand it to the runtime's
/// engine as its <see cref="IExecutionObserver"/> so completions and durations are counted where they happen.
/// </summary>
public sealed class ServerMetrics : IExecutionObserver, IDisposable
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "DataPrepWorkflows";

    private readonly Meter _meter;
    private readonly Counter<long> _started;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _faulted;
    private readonly Counter<long> _events;
    private readonly Histogram<double> _activityDuration;
    private long _queueDepth;
    private long _queueDue;

    /// <summary>Creates the instruments.</summary>
    public ServerMetrics()
    {
        _meter = new Meter(Name);
        _started = _meter.CreateCounter<long>("dataprep.runs.started", "{run}", "Workflow runs accepted for starting.");
        _completed = _meter.CreateCounter<long>("dataprep.runs.completed", "{run}", "Workflow runs that finished.");
        _faulted = _meter.CreateCounter<long>("dataprep.runs.faulted", "{run}", "Workflow runs that faulted.");
        _events = _meter.CreateCounter<long>("dataprep.events.ingested", "{event}", "EventBridge events accepted by the API.");
        _activityDuration = _meter.CreateHistogram<double>("dataprep.activity.duration", "ms", "How long activity attempts ran.");
        _meter.CreateObservableGauge("dataprep.queue.depth", () => Interlocked.Read(ref _queueDepth), "{item}", "Work items queued (all nodes).");
        _meter.CreateObservableGauge("dataprep.queue.due", () => Interlocked.Read(ref _queueDue), "{item}", "Work items due now (all nodes).");
    }

    /// <summary>Traces of API operations (dispatch, event ingestion).</summary>
    public ActivitySource Traces { get; } = new(Name);

    /// <summary>Counts a run accepted for starting.</summary>
    public void RunStarted(string workflowId) => _started.Add(1, new KeyValuePair<string, object?>("workflow", workflowId));

    /// <summary>Counts an event accepted by the API.</summary>
    public void EventIngested(string connection, bool duplicate) =>
        _events.Add(1, new KeyValuePair<string, object?>("connection", connection), new KeyValuePair<string, object?>("duplicate", duplicate));

    /// <summary>Records the queue's depth as last sampled.</summary>
    public void QueueSampled(long due, long total)
    {
        Interlocked.Exchange(ref _queueDue, due);
        Interlocked.Exchange(ref _queueDepth, total);
    }

    /// <inheritdoc />
    public void OnJournalEntry(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Event)
        {
            case JournalEvent.WorkflowFinished:
                _completed.Add(1);
                break;
            case JournalEvent.WorkflowFaulted:
                _faulted.Add(1);
                break;
            case JournalEvent.Completed or JournalEvent.Faulted when entry.Duration is { } duration:
                _activityDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("activity.type", entry.ActivityType));
                break;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Traces.Dispose();
        _meter.Dispose();
    }
}
