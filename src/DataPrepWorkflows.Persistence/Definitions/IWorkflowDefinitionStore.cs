namespace DataPrepWorkflows.Persistence;

/// <summary>
/// Published and draft workflow versions (Elsa 3's draft/publish model). Saving a draft overwrites the latest version
/// while it is unpublished and creates version latest+1 once the latest is published, so a published version never
/// changes under a running instance.
/// </summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>
    /// Saves <paramref name="definitionJson"/> as the draft of <paramref name="workflowId"/>: overwrites the latest
    /// version when it is not published, otherwise creates the next version. The store rewrites the JSON's
    /// <c>version</c> field to the stored number.
    /// </summary>
    Task<StoredWorkflowVersion> SaveDraftAsync(string workflowId, string name, string definitionJson, string? gitCommit, string? author, CancellationToken cancellationToken);

    /// <summary>Publishes <paramref name="version"/> (unpublishing any other); <c>null</c> when it does not exist.</summary>
    Task<StoredWorkflowVersion?> PublishAsync(string workflowId, int version, CancellationToken cancellationToken);

    /// <summary>Unpublishes the workflow's published version; false when none was published.</summary>
    Task<bool> UnpublishAsync(string workflowId, CancellationToken cancellationToken);

    /// <summary>The selected version, or <c>null</c>.</summary>
    Task<StoredWorkflowVersion?> GetAsync(string workflowId, VersionSelector selector, CancellationToken cancellationToken);

    /// <summary>Every version of one workflow, newest first.</summary>
    Task<IReadOnlyList<StoredWorkflowVersion>> ListVersionsAsync(string workflowId, CancellationToken cancellationToken);

    /// <summary>The latest version of each workflow (without definition JSON when <see cref="DefinitionQuery.IncludeJson"/> is false), by workflow id.</summary>
    Task<Page<StoredWorkflowVersion>> ListAsync(DefinitionQuery query, CancellationToken cancellationToken);

    /// <summary>The published version of every workflow (the runtime builds its trigger index from these).</summary>
    Task<IReadOnlyList<StoredWorkflowVersion>> ListPublishedAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every version of a workflow; false when there was none.</summary>
    Task<bool> DeleteAsync(string workflowId, CancellationToken cancellationToken);
}

/// <summary>Filters and paging for listing workflows.</summary>
public sealed record DefinitionQuery
{
    /// <summary>Only ids or names containing this text (case-insensitive).</summary>
    public string? Search { get; init; }

    /// <summary>
    /// Only workflows with a published version, each listed by that version (true), or only those without one, by their
    /// latest version (false). Without the filter every workflow is listed by its latest version.
    /// </summary>
    public bool? Published { get; init; }

    /// <summary>Page size. <value>50</value></summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The previous page's <see cref="Page{T}.NextPageToken"/>.</summary>
    public string? PageToken { get; init; }

    /// <summary>Whether items carry their definition JSON. <value>false</value></summary>
    public bool IncludeJson { get; init; }
}
