using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server.Problems;
using DataPrepWorkflows.Server.Requests;

namespace DataPrepWorkflows.Server.Instances;

/// <summary>Turns the list endpoint's query parameters into an <see cref="InstanceQuery"/>, or the problem naming the bad one.</summary>
internal static class InstanceFilters
{
    public static (InstanceQuery? Query, ApiProblem? Problem) Parse(
        string? definitionId, int? version, string? status, string? correlationId, DateTimeOffset? createdFrom, DateTimeOffset? createdBefore, int? pageSize, string? pageToken, bool? includeTotal)
    {
        if (version is not null && definitionId is null)
        {
            return (null, ApiProblems.BadParameter("version", "filtering by version needs definitionId too."));
        }

        if (QueryRange.Count("pageSize", pageSize, 50, QueryRange.MaxPageSize, out var size) is { } problem)
        {
            return (null, problem);
        }

        var statuses = new List<WorkflowStatus>();
        foreach (var part in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<WorkflowStatus>(part, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(part, out _))
            {
                return (null, ApiProblems.BadParameter("status", $"'{part}' is not a status; use Running, Suspended, Finished, Faulted or Cancelled (comma-separated)."));
            }

            statuses.Add(parsed);
        }

        return (new InstanceQuery
        {
            WorkflowId = definitionId,
            WorkflowVersion = version,
            Statuses = statuses,
            CorrelationId = correlationId,
            CreatedFrom = createdFrom,
            CreatedBefore = createdBefore,
            PageSize = size,
            PageToken = pageToken,
            IncludeTotal = includeTotal ?? false,
        }, null);
    }
}
