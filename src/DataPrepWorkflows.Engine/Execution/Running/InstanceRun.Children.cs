using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Child workflows (RunWorkflow): run inline in the same call; a child that suspends travels inside the parent's state
/// and is resumed through the parent, which then receives the child's outputs.
/// </summary>
internal sealed partial class InstanceRun
{
    private async Task StartChildAsync(WorkItem item)
    {
        var state = item.Scope.Get(item.Activity);
        var request = item.ChildRequest!;
        if (state.IsFinal)
        {
            return;
        }

        InstanceRun child;
        try
        {
            var plan = await Engine.ResolvePlanAsync(request.WorkflowId, request.Version, _callToken).ConfigureAwait(false);
            var childState = Engine.NewInstance(plan, new WorkflowStartRequest { Inputs = request.Inputs, CorrelationId = State.CorrelationId }, State.InstanceId);
            child = new InstanceRun(Engine, plan, childState, Journal, _callToken);
        }
        catch (Exception ex) when (ex is WorkflowDefinitionException or WorkflowInputException)
        {
            var error = new ActivityError("Workflow.ChildFailed", ex.Message, item.Activity.Id);
            _queue.Enqueue(new WorkItem(WorkKind.ChildCompleted, item.Scope, item.Activity) { Child = new ChildCompletion(request.Tag, false, [], error) });
            return;
        }

        await child.StartAsync().ConfigureAwait(false);
        OnChildRan(item.Scope.Id, item.Activity.Id, request.Tag, child);
    }

    private void OnChildRan(string scopeId, string activityId, string tag, InstanceRun child)
    {
        var childState = child.State;
        if (childState.Status == WorkflowStatus.Suspended)
        {
            if (!State.Children.Exists(c => ReferenceEquals(c.Instance, childState)))
            {
                State.Children.Add(new ChildInstanceState { ScopeId = scopeId, ActivityId = activityId, Tag = tag, Instance = childState });
            }

            return;
        }

        State.Children.RemoveAll(c => ReferenceEquals(c.Instance, childState));
        if (!State.Scopes.ContainsKey(scopeId))
        {
            return;
        }

        var scope = ScopeFor(scopeId);
        if (!scope.Plan.ById.TryGetValue(activityId, out var activity))
        {
            return;
        }

        var completion = childState.Status == WorkflowStatus.Finished
            ? new ChildCompletion(tag, true, childState.Outputs?.DeepClone().AsObject() ?? [], null)
            : new ChildCompletion(tag, false, [], ChildError(childState, activityId));
        _queue.Enqueue(new WorkItem(WorkKind.ChildCompleted, scope, activity) { Child = completion });
    }

    private static ActivityError ChildError(WorkflowInstanceState child, string activityId) =>
        child.Error is { } error
            ? error with { ActivityId = activityId, Cause = $"{error.Cause} (in child workflow '{child.WorkflowId}', activity '{error.ActivityId}')" }
            : new ActivityError("Workflow.ChildCancelled", $"Child workflow '{child.WorkflowId}' was cancelled.", activityId);

    private async Task<bool> ResumeChildAsync(string bookmarkId, JsonNode? input)
    {
        foreach (var link in State.Children)
        {
            if (!link.Instance.AllBookmarks().Any(b => b.Id == bookmarkId))
            {
                continue;
            }

            State.Status = WorkflowStatus.Running;
            Journal.Write(State, JournalEvent.WorkflowResumed, message: $"child {link.Instance.InstanceId}, bookmark {bookmarkId}");
            var child = await ChildRunAsync(link).ConfigureAwait(false);
            await child.ResumeAsync(bookmarkId, input).ConfigureAwait(false);
            OnChildRan(link.ScopeId, link.ActivityId, link.Tag, child);
            return true;
        }

        return false;
    }

    private async Task<bool> RunChildTimersAsync()
    {
        var now = Clock.GetUtcNow();
        var resumed = false;
        foreach (var link in State.Children.ToList())
        {
            if (link.Instance.NextTimerDue() is not { } due || due > now)
            {
                continue;
            }

            resumed = true;
            var child = await ChildRunAsync(link).ConfigureAwait(false);
            await child.RunDueTimersAsync().ConfigureAwait(false);
            OnChildRan(link.ScopeId, link.ActivityId, link.Tag, child);
        }

        return resumed;
    }

    private async Task<InstanceRun> ChildRunAsync(ChildInstanceState link)
    {
        var plan = await Engine.ResolvePlanAsync(link.Instance.WorkflowId, link.Instance.WorkflowVersion, _callToken).ConfigureAwait(false);
        return new InstanceRun(Engine, plan, link.Instance, Journal, _callToken);
    }

    private void CancelChildInstance(ChildInstanceState link)
    {
        // Cancelling needs no plan lookups beyond what the child state holds; a missing definition still cancels.
        var plan = Engine.TryGetCachedPlan(link.Instance.WorkflowId, link.Instance.WorkflowVersion);
        if (plan is null)
        {
            link.Instance.Status = WorkflowStatus.Cancelled;
            link.Instance.Bookmarks.Clear();
            Journal.Write(link.Instance, JournalEvent.WorkflowCancelled);
            return;
        }

        new InstanceRun(Engine, plan, link.Instance, Journal, _callToken).Cancel();
    }
}
