namespace DataPrepWorkflows.Persistence;

/// <summary>
/// One version of a workflow definition as the store keeps it. Versions of a workflow are numbered from 1; at most
/// one is the latest (the highest number) and at most one is published (the one triggers and new runs use).
/// </summary>
/// <param name="WorkflowId">The definition id.</param>
/// <param name="Version">The version number.</param>
/// <param name="Name">The display name at that version.</param>
/// <param name="DefinitionJson">The workflow file's canonical JSON, its <c>version</c> field equal to <paramref name="Version"/>.</param>
/// <param name="IsPublished">Whether this is the published version.</param>
/// <param name="IsLatest">Whether this is the highest version.</param>
/// <param name="GitCommit">The Git commit the version came from, when known.</param>
/// <param name="CreatedAt">When the version was first saved.</param>
/// <param name="UpdatedAt">When the version was last saved, published or unpublished.</param>
/// <param name="Author">Who saved it (an API key's name, a user), when known.</param>
public sealed record StoredWorkflowVersion(
    string WorkflowId,
    int Version,
    string Name,
    string DefinitionJson,
    bool IsPublished,
    bool IsLatest,
    string? GitCommit,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Author);
