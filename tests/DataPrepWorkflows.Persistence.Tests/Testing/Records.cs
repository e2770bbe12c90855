using System.Text;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Persistence.Tests.Testing;

/// <summary>Small builders for the records the contract tests write.</summary>
internal static class Records
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static InstanceRecord Instance(string id, string workflow = "wf", int version = 1, WorkflowStatus status = WorkflowStatus.Suspended, DateTimeOffset? created = null) => new()
    {
        InstanceId = id,
        WorkflowId = workflow,
        WorkflowVersion = version,
        Status = status,
        CreatedAt = created ?? Epoch,
        UpdatedAt = created ?? Epoch,
        State = Encoding.UTF8.GetBytes($$"""{"instance":"{{id}}"}"""),
    };

    public static InstanceCommit New(InstanceRecord instance) => new() { Instance = instance, IsNew = true };

    public static BookmarkRecord Bookmark(string id, string instance, string type = "Label", string? key = null, string workflow = "wf") =>
        new(id, instance, workflow, "wait", type, "wait", key, """{"p":1}""", null, Epoch);

    public static JournalRecord Entry(string instance, long sequence, string? root = null, string @event = "Completed") =>
        new(instance, sequence, Epoch.AddSeconds(sequence), @event, "a" + sequence, "Log", $$"""{"seq":{{sequence}}}""", root ?? instance);

    public static WorkItemRecord Work(string id, string instance, WorkKind kind = WorkKind.Start, DateTimeOffset? due = null, string? batchKey = null) => new()
    {
        Id = id,
        Kind = kind,
        InstanceId = instance,
        WorkflowId = "wf",
        WorkflowVersion = 1,
        DueAt = due ?? Epoch,
        CreatedAt = Epoch,
        BatchKey = batchKey,
    };

    public static IncidentRecord Incident(string id, string instance, DateTimeOffset at) =>
        new(id, instance, "wf", "step", "Log", "States.TaskFailed", "boom", at, null);
}
