using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime.Execution;
using DataPrepWorkflows.Runtime.Triggers;

namespace DataPrepWorkflows.Runtime;

/// <summary>The calls hosts make: each commits a work item (or a publish) and returns.</summary>
public sealed partial class RuntimeHost
{
    /// <inheritdoc />
    public async Task<StartedInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = request.InstanceId ?? Guid.CreateVersion7().ToString("N");
        if (_definitions.Stamp is { } known)
        {
            // The version is chosen from what this node has cached under the stamp it last saw, and the item is
            // enqueued only if the stamp has not moved since (checked by the insert): no stamp read of its own.
            var (item, version) = await StartItemAsync(request, instanceId, cancellationToken).ConfigureAwait(false);
            if (await Store.Work.EnqueueAtStampAsync([item], request.Deduplication, known, cancellationToken).ConfigureAwait(false) is { } accepted)
            {
                return Started(accepted, instanceId, version);
            }
        }

        await _definitions.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var (current, currentVersion) = await StartItemAsync(request, instanceId, cancellationToken).ConfigureAwait(false);
        return Started(await Store.Work.EnqueueAsync([current], request.Deduplication, cancellationToken).ConfigureAwait(false), instanceId, currentVersion);
    }

    private async Task<(WorkItemRecord Item, int Version)> StartItemAsync(StartWorkflowRequest request, string instanceId, CancellationToken cancellationToken)
    {
        var found = await _definitions.GetAsync(request.WorkflowId, request.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException(NotFoundMessage(request.WorkflowId, request.Version));
        if (request.CheckInputs)
        {
            WorkflowEngine.CheckInputs(found.Definition, request.Inputs);
        }

        var now = _clock.GetUtcNow();
        var item = new WorkItemRecord
        {
            Id = NewId(),
            Kind = WorkKind.Start,
            InstanceId = instanceId,
            WorkflowId = request.WorkflowId,
            WorkflowVersion = found.Stored.Version,
            PayloadJson = StartPayload.Write(request.Inputs, request.Trigger, request.CorrelationId, newInstance: request.InstanceId is null),
            DueAt = request.NotBefore is { } notBefore && notBefore > now ? notBefore : now,
            CreatedAt = now,
        };
        return (item, found.Stored.Version);
    }

    private StartedInstance Started(bool accepted, string instanceId, int version)
    {
        if (!accepted)
        {
            return new StartedInstance("", version, Duplicate: true);
        }

        Wake();
        return new StartedInstance(instanceId, version, Duplicate: false);
    }

    /// <inheritdoc />
    public async Task<bool> ResumeAsync(string bookmarkId, JsonNode? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookmarkId);
        var bookmark = await Store.Bookmarks.GetAsync(bookmarkId, cancellationToken).ConfigureAwait(false);
        if (bookmark is null)
        {
            return false;
        }

        var now = _clock.GetUtcNow();
        var item = new WorkItemRecord
        {
            Id = NewId(),
            Kind = WorkKind.Resume,
            InstanceId = bookmark.InstanceId,
            WorkflowId = bookmark.WorkflowId,
            BookmarkId = bookmarkId,
            PayloadJson = input?.ToJsonString(),
            DueAt = now,
            CreatedAt = now,
        };
        var resumed = await Store.Bookmarks.ResumeAsync(bookmarkId, item, cancellationToken).ConfigureAwait(false);
        if (resumed)
        {
            Wake();
        }

        return resumed;
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await Store.Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null || IsEnded(instance.Status))
        {
            // A start still queued (never run) is cancelled by the start itself seeing the request.
            return instance is null && await EnqueueForInstanceAsync(instanceId, WorkKind.Cancel, cancellationToken).ConfigureAwait(false);
        }

        var enqueued = await EnqueueForInstanceAsync(instanceId, WorkKind.Cancel, cancellationToken, instance.WorkflowId).ConfigureAwait(false);

        // A step running on this node is interrupted at once; elsewhere, the cancel applies when the step ends.
        if (_running.TryGetValue(instanceId, out var slot) && slot.Item.Kind != WorkKind.Cancel)
        {
            await slot.Cancellation.CancelAsync().ConfigureAwait(false);
        }

        return enqueued;
    }

    /// <inheritdoc />
    public async Task<bool> RetryAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await Store.Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null || instance.Status != WorkflowStatus.Faulted)
        {
            return false;
        }

        // Refused now rather than failing in the background: a fault outside any activity (bad inputs) leaves nothing
        // to run again, and a deleted workflow version leaves nothing to run it on.
        if (WorkflowInstanceState.FromJson(instance.State.Span).RetryFrom.Count == 0
            || await Store.Definitions.GetAsync(instance.WorkflowId, VersionSelector.Exact(instance.WorkflowVersion), cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        return await EnqueueForInstanceAsync(instanceId, WorkKind.Retry, cancellationToken, instance.WorkflowId).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<InstanceRecord?> WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Waiting is wall-clock time (a caller's patience), not the workflow clock the engine runs on.
        var wall = TimeProvider.System;
        var deadline = wall.GetUtcNow() + timeout;
        while (true)
        {
            var next = _notifier.NextCommit(instanceId);
            var instance = await Store.Instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (instance is not null && instance.Status != WorkflowStatus.Running)
            {
                return instance;
            }

            var left = deadline - wall.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return instance;
            }

            // Commits on this node wake the wait at once; commits on other nodes are seen by the poll.
            var poll = left < _options.IdlePoll / 4 ? left : _options.IdlePoll / 4;
            await Task.WhenAny(next, Task.Delay(poll, wall, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <inheritdoc />
    public async Task<StoredWorkflowVersion> PublishAsync(string workflowId, int version, CancellationToken cancellationToken)
    {
        var found = await _definitions.GetAsync(workflowId, VersionSelector.Exact(version), cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException($"Workflow '{workflowId}' has no version {version}.");

        // Index first: a version whose triggers cannot be indexed is not published.
        var triggers = TriggerIndexer.Index(Engine, found.Definition);
        var published = await Store.Definitions.PublishAsync(workflowId, version, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException($"Workflow '{workflowId}' has no version {version}.");
        await Store.Triggers.ReplaceAsync(workflowId, triggers, cancellationToken).ConfigureAwait(false);
        _definitions.Forget(workflowId);
        return published;
    }

    /// <inheritdoc />
    public async Task<bool> UnpublishAsync(string workflowId, CancellationToken cancellationToken)
    {
        var unpublished = await Store.Definitions.UnpublishAsync(workflowId, cancellationToken).ConfigureAwait(false);
        await Store.Triggers.ReplaceAsync(workflowId, [], cancellationToken).ConfigureAwait(false);
        _definitions.Forget(workflowId);
        return unpublished;
    }

    private async Task<bool> EnqueueForInstanceAsync(string instanceId, WorkKind kind, CancellationToken cancellationToken, string? workflowId = null)
    {
        if (workflowId is null)
        {
            var queued = await Store.Work.ListForInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (queued.FirstOrDefault(w => w.Kind == WorkKind.Start) is not { } start)
            {
                return false;
            }

            workflowId = start.WorkflowId;
        }

        var now = _clock.GetUtcNow();
        var item = new WorkItemRecord
        {
            Id = NewId(),
            Kind = kind,
            InstanceId = instanceId,
            WorkflowId = workflowId,
            DueAt = now,
            CreatedAt = now,
        };
        await Store.Work.EnqueueAsync([item], null, cancellationToken).ConfigureAwait(false);
        Wake();
        return true;
    }

    private static bool IsEnded(WorkflowStatus status) => status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled;

    private static string NotFoundMessage(string workflowId, VersionSelector selector) => selector.Kind switch
    {
        VersionKind.Published => $"Workflow '{workflowId}' has no published version; publish one, or start a given version.",
        VersionKind.Exact => $"Workflow '{workflowId}' has no version {selector.Number}.",
        _ => $"Workflow '{workflowId}' does not exist.",
    };

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
