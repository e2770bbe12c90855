namespace DataPrepWorkflows.Persistence;

/// <summary>Reads and resolves incidents. New incidents are recorded by <see cref="IRuntimeStore.CommitAsync"/>.</summary>
public interface IIncidentStore
{
    /// <summary>Incidents of one instance, oldest first.</summary>
    Task<IReadOnlyList<IncidentRecord>> ListForInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Open incidents across instances, newest first.</summary>
    Task<Page<IncidentRecord>> ListOpenAsync(int pageSize, string? pageToken, CancellationToken cancellationToken);

    /// <summary>Marks the instance's open incidents resolved at <paramref name="at"/>; returns how many.</summary>
    Task<int> ResolveAsync(string instanceId, DateTimeOffset at, CancellationToken cancellationToken);
}
