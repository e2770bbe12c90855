using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// The whole state of a workflow instance: everything needed to resume it in another process. Serialise it with
/// <see cref="ToJson"/> at any suspension point and pass the result of <see cref="FromJson(string)"/> to a fresh
/// <see cref="WorkflowEngine"/>. The engine mutates the state it is given during a call and returns the same object.
/// </summary>
public sealed class WorkflowInstanceState
{
    /// <summary>The instance id.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary>The workflow definition id.</summary>
    public string WorkflowId { get; set; } = "";

    /// <summary>The workflow definition version.</summary>
    public int WorkflowVersion { get; set; }

    /// <summary>Correlates the instance with something outside (a file, an event, a request).</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The parent instance when this is a child workflow.</summary>
    public string? ParentInstanceId { get; set; }

    /// <summary>Where the instance stands.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>The workflow inputs after defaults and type coercion.</summary>
    public JsonObject Inputs { get; set; } = [];

    /// <summary>The payload that started the instance (for example an S3 event), or <c>null</c>.</summary>
    public JsonNode? Trigger { get; set; }

    /// <summary>Workflow outputs once finished.</summary>
    public JsonObject? Outputs { get; set; }

    /// <summary>The error that faulted the instance.</summary>
    public ActivityError? Error { get; set; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the state last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it finished, faulted or was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Scopes by id: <c>root</c> and any body runs in progress.</summary>
    public Dictionary<string, ExecutionScopeState> Scopes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Pending bookmarks and durable timers of this instance (not of its children).</summary>
    public List<BookmarkState> Bookmarks { get; set; } = [];

    /// <summary>Child workflows that suspended; their bookmarks are resumed through this instance.</summary>
    public List<ChildInstanceState> Children { get; set; } = [];

    /// <summary>
    /// Steps queued but not begun at the last checkpoint (empty whenever the instance is not running): what
    /// <see cref="WorkflowEngine.ContinueAsync"/> picks up after the process running it stopped.
    /// </summary>
    public List<PendingWorkState> Pending { get; set; } = [];

    /// <summary>
    /// When faulted: the activities to run again on a retry — the one whose uncaught fault ended the instance and the
    /// ones the fault cancelled.
    /// </summary>
    public List<ActivityRef> RetryFrom { get; set; } = [];

    /// <summary>Sequence number of the last journal entry written.</summary>
    public long JournalSequence { get; set; }

    /// <summary>Counter for scope and bookmark ids, so ids are deterministic.</summary>
    public long NextId { get; set; }

    /// <summary>Every pending bookmark of the instance and of its suspended children, depth first.</summary>
    public IEnumerable<Bookmark> AllBookmarks()
    {
        foreach (var bookmark in Bookmarks)
        {
            yield return bookmark.Bookmark;
        }

        foreach (var child in Children)
        {
            foreach (var bookmark in child.Instance.AllBookmarks())
            {
                yield return bookmark;
            }
        }
    }

    /// <summary>The earliest durable timer of the instance or its children, or <c>null</c>.</summary>
    public DateTimeOffset? NextTimerDue()
    {
        DateTimeOffset? next = null;
        foreach (var bookmark in AllBookmarks())
        {
            if (bookmark.ResumeAt is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }

    /// <summary>Serialises the state to JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowStateJsonContext.Default.WorkflowInstanceState);

    /// <summary>Serialises the state to UTF-8 JSON.</summary>
    public byte[] ToUtf8Json() =>
        JsonSerializer.SerializeToUtf8Bytes(this, WorkflowStateJsonContext.Default.WorkflowInstanceState);

    /// <summary>Reads a state written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a workflow instance state.</exception>
    public static WorkflowInstanceState FromJson(string json) =>
        JsonSerializer.Deserialize(json, WorkflowStateJsonContext.Default.WorkflowInstanceState)
        ?? throw new JsonException("The workflow instance state is null.");

    /// <summary>Reads a state written by <see cref="ToUtf8Json"/>.</summary>
    /// <exception cref="JsonException">The bytes are not a workflow instance state.</exception>
    public static WorkflowInstanceState FromJson(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, WorkflowStateJsonContext.Default.WorkflowInstanceState)
        ?? throw new JsonException("The workflow instance state is null.");
}
