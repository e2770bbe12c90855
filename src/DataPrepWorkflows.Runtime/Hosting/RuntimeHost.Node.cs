using DataPrepWorkflows.Persistence;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Runtime;

/// <summary>The node loop: claim due work under leases, apply it, renew leases, keep house.</summary>
public sealed partial class RuntimeHost
{
    private readonly object _housekeepingGate = new();
    private DateTimeOffset _nextHousekeeping = DateTimeOffset.MinValue;

    /// <summary>
    /// Runs the node until <paramref name="cancellationToken"/> is cancelled: claims due work (up to
    /// <see cref="RuntimeOptions.MaxConcurrency"/> at once), applies it, renews its leases, and runs retention. On
    /// cancellation it stops claiming and waits for the work in hand to be committed.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var renewal = new CancellationTokenSource();
        var renewing = RenewLeasesAsync(renewal.Token);
        var inFlight = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                await HousekeepAsync(cancellationToken).ConfigureAwait(false);
                var claimed = await ClaimAsync(cancellationToken).ConfigureAwait(false);
                foreach (var item in claimed)
                {
                    inFlight.Add(ApplyInSlotAsync(item));
                }

                if (claimed.Count == 0)
                {
                    await IdleAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: fall through and let the work in hand finish.
        }
        finally
        {
            await Task.WhenAll(inFlight).ConfigureAwait(false);
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies due work until this node can claim nothing more and has nothing in hand, then returns (the CLI and tests
    /// use it to drive runs to their next suspension or end without a background loop). Work that is not due yet, or
    /// that another node holds, is left where it is.
    /// </summary>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        var inFlight = new List<Task>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claimed = await ClaimAsync(cancellationToken).ConfigureAwait(false);
            foreach (var item in claimed)
            {
                inFlight.Add(ApplyInSlotAsync(item));
            }

            if (claimed.Count > 0)
            {
                continue;
            }

            if (inFlight.Count == 0)
            {
                // Nothing claimable: what is left is not due yet, or is another node's to apply.
                return;
            }

            await Task.WhenAny(inFlight).ConfigureAwait(false);
            inFlight.RemoveAll(t => t.IsCompleted);
        }
    }

    private async Task<IReadOnlyList<WorkItemRecord>> ClaimAsync(CancellationToken cancellationToken)
    {
        var free = _slots.CurrentCount;
        if (free == 0)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            _slots.Release();
            free = _slots.CurrentCount;
        }

        var claimed = await Store.Work.ClaimAsync(_options.NodeId, Math.Min(free, 64), _options.LeaseDuration, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (claimed.Count > 0)
        {
            // The stamp the claim read keeps the cached published definitions the items need current; a store whose
            // claim does not carry it costs a read per batch.
            if (claimed[0].TriggerStamp is { } stamp)
            {
                _definitions.Observe(stamp);
            }
            else
            {
                await _definitions.RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return claimed;
    }

    private async Task ApplyInSlotAsync(WorkItemRecord item)
    {
        await _slots.WaitAsync().ConfigureAwait(false);
        try
        {
            await ApplyAsync(item).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
            Wake();
        }
    }

    private async Task IdleAsync(CancellationToken cancellationToken)
    {
        var wait = _options.IdlePoll;
        var next = await Store.Work.NextDueAsync(cancellationToken).ConfigureAwait(false);
        if (next is { } due)
        {
            var until = due - _clock.GetUtcNow();
            wait = until < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : until < wait ? until : wait;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The wait ran out: look for work again.
        }
    }

    private async Task RenewLeasesAsync(CancellationToken cancellationToken)
    {
        var every = _options.LeaseDuration / 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _clock, cancellationToken).ConfigureAwait(false);
                var held = _running.Values.Select(s => s.Item.Id).ToList();
                if (held.Count == 0)
                {
                    continue;
                }

                var kept = await Store.Work.RenewAsync(_options.NodeId, held, _options.LeaseDuration, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                if (kept.Count < held.Count)
                {
                    // A lease lapsed and another node may have the work: its commits will fail here and stop the run.
                    LogLostLeases(_logger, held.Count - kept.Count, null);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A store outage must not end the node; renewal is tried again at the next tick.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRenewalFailed(_logger, ex);
            }
        }
    }

    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        lock (_housekeepingGate)
        {
            if (now < _nextHousekeeping)
            {
                return;
            }

            _nextHousekeeping = now + _options.HousekeepingInterval;
        }

        try
        {
            await Store.Work.PurgeDeduplicationAsync(now, cancellationToken).ConfigureAwait(false);
            if (_options.Retention is { } retention)
            {
                while (await Store.Instances.DeleteFinishedAsync(now - retention, 1000, cancellationToken).ConfigureAwait(false) == 1000)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Housekeeping failing is logged and tried again later; it must not stop the node.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHousekeepingFailed(_logger, ex);
        }
    }

    private static readonly Action<ILogger, int, Exception?> LogLostLeases =
        LoggerMessage.Define<int>(LogLevel.Warning, new EventId(2, "LeaseLost"), "{Count} work item lease(s) could not be renewed; their runs stop at their next commit.");

    private static readonly Action<ILogger, Exception?> LogRenewalFailed =
        LoggerMessage.Define(LogLevel.Warning, new EventId(3, "RenewalFailed"), "Renewing work item leases failed; retrying at the next tick.");

    private static readonly Action<ILogger, Exception?> LogHousekeepingFailed =
        LoggerMessage.Define(LogLevel.Warning, new EventId(4, "HousekeepingFailed"), "Retention or deduplication clean-up failed; retrying later.");
}
