using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Engine.Activities;

/// <summary>
/// What an executing activity can see and do: its inputs and outputs, workflow variables, a logger, the cancellation
/// token, the clock, bookmarks and child scheduling. One context per activity execution; the engine owns it.
/// </summary>
public abstract class ActivityContext
{
    /// <summary>The activity's id in the workflow file (for example <c>quality-gate</c>).</summary>
    public abstract string ActivityId { get; }

    /// <summary>The activity's type name (for example <c>QualityGate</c>).</summary>
    public abstract string ActivityType { get; }

    /// <summary>The workflow instance this activity runs in.</summary>
    public abstract string WorkflowInstanceId { get; }

    /// <summary>The 1-based attempt number: 2 and above when a <c>retry</c> policy runs the activity again.</summary>
    public abstract int Attempt { get; }

    /// <summary>
    /// A key that is the same every time this attempt of this activity runs — also when a durable runtime runs the
    /// step again after an interruption — and different for every other attempt or activity. Pass it to external
    /// systems as an idempotency token (for example AWS's <c>ClientRequestToken</c>) so a re-run never starts a
    /// second job.
    /// </summary>
    public virtual string IdempotencyKey => $"{WorkflowInstanceId}:{ActivityId}:{Attempt}";

    /// <summary>Cancelled when the instance is cancelled or the activity's <c>timeout</c> elapses.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>The clock. Use it for every time reading, delay and timer so tests can use a fake clock.</summary>
    public abstract TimeProvider Clock { get; }

    /// <summary>A logger whose records are also written to the instance journal.</summary>
    public abstract ILogger Logger { get; }

    /// <summary>The evaluated inputs, by name, as JSON (also bound to the activity's input properties).</summary>
    public abstract IReadOnlyDictionary<string, JsonNode?> Inputs { get; }

    /// <summary>Services of the host (backends such as storage or the data plane), or <c>null</c> when absent.</summary>
    public abstract IServiceProvider Services { get; }

    /// <summary>
    /// State that belongs to this activity execution and survives suspension (persisted with the instance), for
    /// activities that suspend or schedule children and need to remember where they were.
    /// </summary>
    public abstract JsonObject Properties { get; }

    /// <summary>Reads a workflow variable (searching from the innermost scope outwards), or <c>null</c>.</summary>
    public abstract JsonNode? GetVariable(string name);

    /// <summary>Sets a workflow variable in the scope that declares it (the workflow scope when none does).</summary>
    public abstract void SetVariable(string name, JsonNode? value);

    /// <summary>Sets an output in addition to the properties marked <see cref="OutputAttribute"/>.</summary>
    public abstract void SetOutput(string name, JsonNode? value);

    /// <summary>Chooses the outcome(s) to complete with; several outcomes follow several edges in parallel.</summary>
    public abstract void SetOutcome(params string[] outcomes);

    /// <summary>
    /// Suspends the activity until the bookmark is resumed (by an event, a person, a timer or another workflow). The
    /// payload is persisted and indexed; <paramref name="resumeAt"/> makes it a durable timer.
    /// </summary>
    public abstract Bookmark CreateBookmark(string name, JsonNode? payload = null, DateTimeOffset? resumeAt = null);

    /// <summary>
    /// Runs the activity's <c>body</c> (the nested activities in the workflow file) once as a child scope, with the given
    /// scope variables (for example <c>item</c> and <c>index</c>). <see cref="Activity.OnChildCompletedAsync"/> is
    /// called with <paramref name="tag"/> when it finishes.
    /// </summary>
    public abstract void ScheduleBody(IReadOnlyDictionary<string, JsonNode?> scopeVariables, string tag);

    /// <summary>
    /// Starts another workflow as a child of this instance; <see cref="Activity.OnChildCompletedAsync"/> is called with
    /// its outputs when it finishes, even if it suspends in between.
    /// </summary>
    public abstract void ScheduleChildWorkflow(string workflowId, int? version, JsonObject inputs, string tag);

    /// <summary>Number of children (bodies or child workflows) scheduled by this activity that have not finished.</summary>
    public abstract int PendingChildren { get; }
}
