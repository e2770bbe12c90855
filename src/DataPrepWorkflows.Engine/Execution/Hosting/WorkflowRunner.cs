using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// An in-memory host that drives an instance to its end: when the instance suspends on durable timers (delays, retry
/// waits — its own or a child workflow's) it waits on the engine's clock until the earliest is due and fires them.
/// It returns when the instance finishes, faults, is cancelled, or waits on something only the outside can resume.
/// </summary>
public sealed class WorkflowRunner
{
    private readonly WorkflowEngine _engine;

    /// <summary>Creates a runner over <paramref name="engine"/>.</summary>
    public WorkflowRunner(WorkflowEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>Starts an instance and drives it as far as timers allow; the journal covers every call made.</summary>
    public async Task<WorkflowRunResult> RunAsync(WorkflowDefinition definition, WorkflowStartRequest? request = null, CancellationToken cancellationToken = default)
    {
        var result = await _engine.StartAsync(definition, request, cancellationToken).ConfigureAwait(false);
        return await DriveAsync(definition, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drives a suspended instance (for example one read back from storage) as far as timers allow.</summary>
    public Task<WorkflowRunResult> ContinueAsync(WorkflowDefinition definition, WorkflowInstanceState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return DriveAsync(definition, new WorkflowRunResult(state.Status, state, []), cancellationToken);
    }

    private async Task<WorkflowRunResult> DriveAsync(WorkflowDefinition definition, WorkflowRunResult result, CancellationToken cancellationToken)
    {
        var journal = new List<JournalEntry>(result.Journal);
        var clock = _engine.Clock;
        while (result.Status == WorkflowStatus.Suspended && result.State.NextTimerDue() is { } due)
        {
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    result = await _engine.CancelAsync(definition, result.State, CancellationToken.None).ConfigureAwait(false);
                    journal.AddRange(result.Journal);
                    break;
                }
            }

            result = await _engine.RunDueTimersAsync(definition, result.State, cancellationToken).ConfigureAwait(false);
            journal.AddRange(result.Journal);
        }

        return result with { Journal = journal };
    }
}
