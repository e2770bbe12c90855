using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Scheduling.Tests.Testing;

/// <summary>A runtime store of which the scheduler uses only the trigger index.</summary>
internal sealed class IndexOnlyStore(ITriggerStore triggers) : IRuntimeStore
{
    public string Provider => "memory";

    public ITriggerStore Triggers { get; } = triggers;

    public IWorkflowDefinitionStore Definitions => throw new NotSupportedException();

    public IInstanceStore Instances => throw new NotSupportedException();

    public IBookmarkStore Bookmarks => throw new NotSupportedException();

    public IJournalStore Journal => throw new NotSupportedException();

    public IIncidentStore Incidents => throw new NotSupportedException();

    public IWorkQueue Work => throw new NotSupportedException();

    public IAuditLog Audit => throw new NotSupportedException();

    public Task<long> CommitAsync(InstanceCommit commit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
