using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;

namespace DataPrepWorkflows.Server.Tests.Hosting;

/// <summary>
/// The runtime API the server calls, answering from the real store the way the runtime does (starts and resumes
/// commit work items; publishing goes through the definition store) but with no node applying the work, so tests see
/// exactly what the API asked for.
/// </summary>
internal sealed class TestRuntime(IRuntimeStore store, TimeProvider time) : IWorkflowRuntime
{
    public IRuntimeStore Store { get; } = store;

    public ConcurrentQueue<string> Calls { get; } = new();

    public async Task<StartedInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken)
    {
        var version = await Store.Definitions.GetAsync(request.WorkflowId, request.Version, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No version of '{request.WorkflowId}' matches.");
        var id = request.InstanceId ?? Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        await Store.Work.EnqueueAsync(
            [new WorkItemRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                Kind = WorkKind.Start,
                InstanceId = id,
                WorkflowId = request.WorkflowId,
                WorkflowVersion = version.Version,
                PayloadJson = new JsonObject { ["inputs"] = request.Inputs?.DeepClone() }.ToJsonString(),
                DueAt = now,
                CreatedAt = now,
            }],
            request.Deduplication,
            cancellationToken);
        Calls.Enqueue($"start {request.WorkflowId}@{version.Version}");
        return new StartedInstance(id, version.Version, false);
    }

    public async Task<bool> ResumeAsync(string bookmarkId, JsonNode? input, CancellationToken cancellationToken)
    {
        var bookmark = await Store.Bookmarks.GetAsync(bookmarkId, cancellationToken);
        if (bookmark is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var resumed = await Store.Bookmarks.ResumeAsync(
            bookmarkId,
            new WorkItemRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                Kind = WorkKind.Resume,
                InstanceId = bookmark.InstanceId,
                WorkflowId = bookmark.WorkflowId,
                BookmarkId = bookmarkId,
                PayloadJson = input?.ToJsonString(),
                DueAt = now,
                CreatedAt = now,
            },
            cancellationToken);
        Calls.Enqueue($"resume {bookmarkId} {input?.ToJsonString()}");
        return resumed;
    }

    public async Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await Store.Instances.GetAsync(instanceId, cancellationToken);
        var accepted = instance is { Status: WorkflowStatus.Running or WorkflowStatus.Suspended };
        Calls.Enqueue($"cancel {instanceId} {accepted}");
        return accepted;
    }

    public async Task<bool> RetryAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await Store.Instances.GetAsync(instanceId, cancellationToken);
        var accepted = instance is { Status: WorkflowStatus.Faulted };
        Calls.Enqueue($"retry {instanceId} {accepted}");
        return accepted;
    }

    public Task<InstanceRecord?> WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken) =>
        Store.Instances.GetAsync(instanceId, cancellationToken);

    public async Task<StoredWorkflowVersion> PublishAsync(string workflowId, int version, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"publish {workflowId}@{version}");
        return await Store.Definitions.PublishAsync(workflowId, version, cancellationToken)
            ?? throw new WorkflowNotFoundException($"'{workflowId}' has no version {version}.");
    }

    public Task<bool> UnpublishAsync(string workflowId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"unpublish {workflowId}");
        return Store.Definitions.UnpublishAsync(workflowId, cancellationToken);
    }
}
