using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime.Definitions;
using DataPrepWorkflows.Runtime.Execution;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Runtime;

/// <summary>Applying one claimed work item: load, run the engine, commit — or give the item back.</summary>
public sealed partial class RuntimeHost
{
    private async Task ApplyAsync(WorkItemRecord item)
    {
        try
        {
            await ApplyCoreAsync(item).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Another node owns the instance now (our lease lapsed) or already applied this: drop what we hold.
            LogConflict(_logger, item.Id, item.InstanceId, null);
        }
#pragma warning disable CA1031 // A failure applying one item must never stop the node: the item goes back with a back-off.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await GiveBackAsync(item, ex).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(item.InstanceId, out _);
        }
    }

    private async Task ApplyCoreAsync(WorkItemRecord item)
    {
        if (item.Kind == WorkKind.Start && item.Attempts <= 1 && StartPayload.IsForNewInstance(item.PayloadJson))
        {
            // First claim of a start for a generated id: no node has applied it, so no instance exists to read.
            await StartInstanceAsync(item).ConfigureAwait(false);
            return;
        }

        var instance = await Store.Instances.GetAsync(item.InstanceId, CancellationToken.None).ConfigureAwait(false);
        if (instance is null && item.Kind != WorkKind.Start)
        {
            // A cancel that arrived before its start ran: the start reads it from the queue (below), so while the start
            // is still queued it stays there for it; with no start to come there is nothing to do.
            var queued = await Store.Work.ListForInstanceAsync(item.InstanceId, CancellationToken.None).ConfigureAwait(false);
            if (queued.Any(w => w.Kind == WorkKind.Start && w.Id != item.Id))
            {
                await Store.Work.ReleaseAsync(item.Id, _options.NodeId, _clock.GetUtcNow(), null, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await Store.Work.DeleteAsync(item.Id, _options.NodeId, CancellationToken.None).ConfigureAwait(false);
            }

            return;
        }

        if (instance is null)
        {
            await StartInstanceAsync(item).ConfigureAwait(false);
            return;
        }

        var found = await _definitions.GetAsync(instance.WorkflowId, VersionSelector.Exact(instance.WorkflowVersion), CancellationToken.None).ConfigureAwait(false)
            ?? throw new StoredDefinitionException($"Workflow '{instance.WorkflowId}' v{instance.WorkflowVersion} of instance '{instance.InstanceId}' is no longer in the store.");
        var state = WorkflowInstanceState.FromJson(instance.State.Span);

        // A retry takes the instance out of its fault (its incident is resolved below), so a fault in the retried run
        // is a new one and records its own incident.
        var before = item.Kind == WorkKind.Retry ? WorkflowStatus.Running : state.Status;
        var slot = new RunSlot(item, _options.NodeId, instance.Revision, isNew: false, instance.GitCommit, _clock.GetUtcNow());
        _running[item.InstanceId] = slot;
        RunCheckpointer.Current = slot;
        WorkflowRunResult? result;
        if (state.Status == WorkflowStatus.Running)
        {
            // The instance was committed mid-run (this item or an earlier one was being applied when its node stopped).
            result = await Engine.ContinueAsync(found.Definition, state, slot.Cancellation.Token).ConfigureAwait(false);
        }
        else
        {
            result = await ApplyToSettledAsync(item, found.Definition, state, slot).ConfigureAwait(false);
        }

        if (result is null)
        {
            await Store.Work.DeleteAsync(item.Id, _options.NodeId, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (item.Kind == WorkKind.Retry)
        {
            await Store.Incidents.ResolveAsync(item.InstanceId, _clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }

        await CommitFinalAsync(slot, result, before, instance.NextTimerAt, item.Kind == WorkKind.Timers).ConfigureAwait(false);
    }

    /// <summary>Applies a resume, timer, cancel or retry to an instance that is suspended or ended; null when it does not apply.</summary>
    private async Task<WorkflowRunResult?> ApplyToSettledAsync(WorkItemRecord item, WorkflowDefinition definition, WorkflowInstanceState state, RunSlot slot)
    {
        switch (item.Kind)
        {
            case WorkKind.Resume when state.Status == WorkflowStatus.Suspended:
                var input = item.PayloadJson is null ? null : JsonNode.Parse(item.PayloadJson);
                try
                {
                    return await Engine.ResumeAsync(definition, state, item.BookmarkId!, input, slot.Cancellation.Token).ConfigureAwait(false);
                }
                catch (ArgumentException)
                {
                    // The bookmark went away meanwhile (its activity was cancelled or already resumed).
                    return null;
                }

            case WorkKind.Timers when state.Status == WorkflowStatus.Suspended:
                return await Engine.RunDueTimersAsync(definition, state, slot.Cancellation.Token).ConfigureAwait(false);
            case WorkKind.Cancel when state.Status == WorkflowStatus.Suspended:
                return await Engine.CancelAsync(definition, state, CancellationToken.None).ConfigureAwait(false);
            case WorkKind.Retry when state.Status == WorkflowStatus.Faulted:
                return await Engine.RetryAsync(definition, state, slot.Cancellation.Token).ConfigureAwait(false);
            default:
                return null;
        }
    }

    private async Task StartInstanceAsync(WorkItemRecord item)
    {
        var found = await _definitions.GetAsync(item.WorkflowId, VersionSelector.Exact(item.WorkflowVersion), CancellationToken.None).ConfigureAwait(false);
        if (found is null)
        {
            LogStartDropped(_logger, item.InstanceId, $"workflow '{item.WorkflowId}' v{item.WorkflowVersion} is no longer in the store", null);
            await Store.Work.DeleteAsync(item.Id, _options.NodeId, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var (stored, definition) = found.Value;
        // A cancel accepted before the start ran is its own queued item; the claim looked for it in its transaction.
        var cancelRequested = item.CancelQueued;
        if (!cancelRequested && !await PassesConcurrencyAsync(item, definition).ConfigureAwait(false))
        {
            return;
        }

        var (inputs, trigger, correlationId) = StartPayload.Read(item.PayloadJson);
        var slot = new RunSlot(item, _options.NodeId, 0, isNew: true, stored.GitCommit, _clock.GetUtcNow());
        _running[item.InstanceId] = slot;
        RunCheckpointer.Current = slot;
        if (cancelRequested)
        {
            await slot.Cancellation.CancelAsync().ConfigureAwait(false);
        }

        WorkflowRunResult result;
        try
        {
            result = await Engine.StartAsync(definition, new WorkflowStartRequest
            {
                InstanceId = item.InstanceId,
                Inputs = inputs,
                Trigger = trigger,
                CorrelationId = correlationId,
            }, slot.Cancellation.Token).ConfigureAwait(false);
        }
        catch (WorkflowInputException ex)
        {
            result = RejectedStart(item, definition, ex.Message);
        }

        await CommitFinalAsync(slot, result, WorkflowStatus.Running, null, timersItem: false).ConfigureAwait(false);
    }

    /// <summary>A start whose inputs do not bind becomes a faulted instance, so the caller sees why.</summary>
    private WorkflowRunResult RejectedStart(WorkItemRecord item, WorkflowDefinition definition, string message)
    {
        var now = _clock.GetUtcNow();
        var state = new WorkflowInstanceState
        {
            InstanceId = item.InstanceId,
            WorkflowId = definition.Id,
            WorkflowVersion = definition.Version,
            Status = WorkflowStatus.Faulted,
            Error = new ActivityError(ActivityError.InputError, message, ""),
            CreatedAt = now,
            UpdatedAt = now,
            FinishedAt = now,
        };
        return new WorkflowRunResult(WorkflowStatus.Faulted, state, []);
    }

    private async Task CommitFinalAsync(RunSlot slot, WorkflowRunResult result, WorkflowStatus before, DateTimeOffset? timerBefore, bool timersItem)
    {
        var state = result.State;
        var now = _clock.GetUtcNow();
        var json = state.ToUtf8Json();
        var record = CommitMapper.Instance(state, json, slot.Revision, slot.GitCommit, now);
        var enqueue = new List<WorkItemRecord>(1);
        if (record.NextTimerAt is { } due && (due != timerBefore || timersItem))
        {
            enqueue.Add(new WorkItemRecord
            {
                Id = NewId(),
                Kind = WorkKind.Timers,
                InstanceId = state.InstanceId,
                WorkflowId = state.WorkflowId,
                WorkflowVersion = state.WorkflowVersion,
                DueAt = due,
                CreatedAt = now,
            });
        }

        var incident = CommitMapper.Incident(state, before, now);
        var commit = new InstanceCommit
        {
            Instance = record,
            IsNew = slot.IsNew,
            Bookmarks = CommitMapper.Bookmarks(state),
            StoredNoBookmarks = slot.StoredNoBookmarks,
            Journal = CommitMapper.Journal(state.InstanceId, result.Journal.Skip(slot.JournalCommitted)),
            Incidents = incident is null ? [] : [incident],
            Enqueue = enqueue,
            Work = new WorkItemProgress(slot.Item.Id, slot.NodeId, Done: true),
        };
        slot.Revision = await Store.CommitAsync(commit, CancellationToken.None).ConfigureAwait(false);
        _notifier.Committed(state.InstanceId);
        if (enqueue.Count > 0)
        {
            Wake();
        }

        InstanceSettled?.Invoke(record with { State = default, Revision = slot.Revision });
    }

    /// <summary>Applies the workflow's concurrency policy to a start; false when the start must not run now.</summary>
    private async Task<bool> PassesConcurrencyAsync(WorkItemRecord item, WorkflowDefinition definition)
    {
        if (definition.Concurrency is not { Behavior: not ConcurrencyBehavior.Allow } policy)
        {
            return true;
        }

        var active = await Store.Instances.CountActiveAsync(definition.Id, CancellationToken.None).ConfigureAwait(false);
        if (active < policy.Limit)
        {
            return true;
        }

        switch (policy.Behavior)
        {
            case ConcurrencyBehavior.Skip:
                LogStartDropped(_logger, item.InstanceId, $"workflow '{definition.Id}' already has {active} active run(s) and its concurrency behavior is 'skip'", null);
                await Store.Work.DeleteAsync(item.Id, _options.NodeId, CancellationToken.None).ConfigureAwait(false);
                return false;
            case ConcurrencyBehavior.Queue:
                // Back in the queue behind the runs that hold the places; claimed again once one ends.
                await Store.Work.ReleaseAsync(item.Id, _options.NodeId, _clock.GetUtcNow() + (_options.IdlePoll / 2), null, CancellationToken.None).ConfigureAwait(false);
                return false;
            default:
                var oldest = await OldestActiveAsync(definition.Id).ConfigureAwait(false);
                if (oldest is not null)
                {
                    await CancelAsync(oldest, CancellationToken.None).ConfigureAwait(false);
                }

                return true;
        }
    }

    private async Task<string?> OldestActiveAsync(string workflowId)
    {
        string? oldest = null;
        string? token = null;
        do
        {
            var page = await Store.Instances.ListAsync(new InstanceQuery
            {
                WorkflowId = workflowId,
                Statuses = [WorkflowStatus.Running, WorkflowStatus.Suspended],
                PageSize = 500,
                PageToken = token,
            }, CancellationToken.None).ConfigureAwait(false);
            if (page.Items.Count > 0)
            {
                oldest = page.Items[^1].InstanceId;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
        return oldest;
    }

    private async Task GiveBackAsync(WorkItemRecord item, Exception error)
    {
        var attempts = Math.Max(1, item.Attempts);
        var backoff = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(attempts, 9))));
        LogApplyFailed(_logger, item.Kind.ToString(), item.InstanceId, attempts, error);
        try
        {
            await Store.Work.ReleaseAsync(item.Id, _options.NodeId, _clock.GetUtcNow() + backoff, error.Message, CancellationToken.None).ConfigureAwait(false);
            if (attempts == _options.IncidentAfterAttempts && await Store.Instances.GetAsync(item.InstanceId, CancellationToken.None).ConfigureAwait(false) is { } instance)
            {
                var incident = new IncidentRecord(NewId(), item.InstanceId, item.WorkflowId, "", "", error.GetType().Name,
                    $"Applying {item.Kind} failed {attempts} times (retried with back-off): {error.Message}", _clock.GetUtcNow(), null);
                await Store.CommitAsync(new InstanceCommit { Instance = instance, Incidents = [incident] }, CancellationToken.None).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The store itself failing: the lease lapses and the item is claimed again later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogApplyFailed(_logger, item.Kind.ToString(), item.InstanceId, attempts, ex);
        }
    }

    private static readonly Action<ILogger, string, string, Exception?> LogConflict =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(5, "CommitConflict"), "Work item {ItemId} of instance {InstanceId} is owned elsewhere now; dropped here.");

    private static readonly Action<ILogger, string, string, Exception?> LogStartDropped =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(6, "StartDropped"), "Start of instance {InstanceId} dropped: {Reason}.");

    private static readonly Action<ILogger, string, string, int, Exception?> LogApplyFailed =
        LoggerMessage.Define<string, string, int>(LogLevel.Error, new EventId(7, "ApplyFailed"), "Applying {Kind} to instance {InstanceId} failed (attempt {Attempt}); it is retried with back-off.");
}
