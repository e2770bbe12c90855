using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Persistence;

/// <summary>Filters and keyset paging for listing instances, newest first (created time, then id).</summary>
public sealed record InstanceQuery
{
    /// <summary>Only instances of this workflow.</summary>
    public string? WorkflowId { get; init; }

    /// <summary>Only instances that started on this version (needs <see cref="WorkflowId"/>).</summary>
    public int? WorkflowVersion { get; init; }

    /// <summary>Only instances in one of these statuses (any when empty).</summary>
    public IReadOnlyList<WorkflowStatus> Statuses { get; init; } = [];

    /// <summary>Only instances with this correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Only children of this instance.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>Only instances created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only instances created before this time.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Page size. <value>50</value></summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The previous page's <see cref="Page{T}.NextPageToken"/>.</summary>
    public string? PageToken { get; init; }

    /// <summary>Whether to count all matches (a scan; off by default so the first page stays fast).</summary>
    public bool IncludeTotal { get; init; }
}
