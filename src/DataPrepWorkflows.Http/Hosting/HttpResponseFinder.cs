using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Http.Responses;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Http.Hosting;

/// <summary>
/// Finds the response a <c>WriteHttpResponse</c> activity recorded: its <c>response</c> output in the instance's
/// committed state document. The store is shared, so this works on whichever node holds the request, wherever the
/// instance ran. The first response written wins (as only one can be sent).
/// </summary>
internal static class HttpResponseFinder
{
    public static async Task<HttpResponseRecord?> FindAsync(IInstanceStore instances, string instanceId, CancellationToken cancellationToken)
    {
        var record = await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (record is null || record.State.IsEmpty)
        {
            return null;
        }

        var state = WorkflowInstanceState.FromJson(record.State.Span);
        return state.Scopes.Values
            .SelectMany(scope => scope.Activities.Values)
            .Where(a => a.Type == "WriteHttpResponse" && a.Status == ActivityStatus.Completed && a.Outputs is not null)
            .OrderBy(a => a.FinishedAt)
            .Select(a => HttpResponseRecord.FromJson(a.Outputs!["response"]))
            .FirstOrDefault(r => r is not null);
    }
}
