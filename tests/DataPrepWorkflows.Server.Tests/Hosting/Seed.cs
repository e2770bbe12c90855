using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Server.Tests.Hosting;

/// <summary>Writes test data through the store's own commit path, as the runtime would.</summary>
internal static class Seed
{
    public static string Workflow(string id, string message = "hello", string name = "Test workflow") => $$"""
        {
          "id": "{{id}}",
          "version": 1,
          "name": "{{name}}",
          "description": "Says something.",
          "activities": [
            { "id": "say", "type": "Log", "inputs": { "message": "{{message}}" } }
          ]
        }
        """;

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task SaveAsync(HttpClient editor, string id, string message = "hello", bool publish = false)
    {
        var response = await editor.PostAsync($"/api/v1/workflow-definitions?publish={publish.ToString().ToLowerInvariant()}", Json(Workflow(id, message)));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<InstanceRecord> InstanceAsync(
        IRuntimeStore store,
        string instanceId,
        string workflowId,
        WorkflowStatus status,
        DateTimeOffset createdAt,
        string? correlationId = null,
        int version = 1,
        IReadOnlyList<string>? journal = null,
        IReadOnlyList<BookmarkRecord>? bookmarks = null)
    {
        var record = new InstanceRecord
        {
            InstanceId = instanceId,
            WorkflowId = workflowId,
            WorkflowVersion = version,
            Status = status,
            CorrelationId = correlationId,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            FinishedAt = status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled ? createdAt : null,
            ErrorMessage = status == WorkflowStatus.Faulted ? "boom" : null,
            State = Encoding.UTF8.GetBytes("{\"status\":\"" + status + "\"}"),
        };
        await store.CommitAsync(
            new InstanceCommit
            {
                Instance = record,
                IsNew = true,
                Journal = Entries(instanceId, createdAt, 0, journal ?? []),
                Bookmarks = bookmarks ?? [],
            },
            CancellationToken.None);
        return (await store.Instances.GetAsync(instanceId, CancellationToken.None))!;
    }

    /// <summary>Commits more journal entries and a new status on top of the stored revision.</summary>
    public static async Task AdvanceAsync(IRuntimeStore store, string instanceId, WorkflowStatus status, long firstSequence, params string[] events)
    {
        var current = (await store.Instances.GetAsync(instanceId, CancellationToken.None))!;
        await store.CommitAsync(
            new InstanceCommit
            {
                Instance = current with { Status = status, FinishedAt = status == WorkflowStatus.Finished ? current.CreatedAt : null },
                Journal = Entries(instanceId, current.CreatedAt, firstSequence, events),
            },
            CancellationToken.None);
    }

    public static BookmarkRecord Bookmark(string bookmarkId, string instanceId, string workflowId, DateTimeOffset at) =>
        new(bookmarkId, instanceId, workflowId, "approve", "Event", "approval", "approval-key", null, null, at);

    private static List<JournalRecord> Entries(string instanceId, DateTimeOffset at, long firstSequence, IReadOnlyList<string> events) =>
        events.Select((e, i) => new JournalRecord(
            instanceId,
            firstSequence + i + 1,
            at,
            e,
            e.StartsWith("Workflow", StringComparison.Ordinal) ? null : "say",
            e.StartsWith("Workflow", StringComparison.Ordinal) ? null : "Log",
            new JsonObject { ["event"] = e, ["sequence"] = firstSequence + i + 1 }.ToJsonString(),
            instanceId)).ToList();
}
