using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Backends;

/// <summary>How a data activity reaches its backends.</summary>
public static class ActivityContextBackends
{
    /// <summary>The error name when a host runs a data activity without backends.</summary>
    public const string MissingBackends = "DataPrep.BackendsMissing";

    /// <summary>The host's <see cref="DataBackends"/>.</summary>
    /// <exception cref="ActivityFaultException">The host did not provide backends (a host configuration error).</exception>
    public static DataBackends Backends(this ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Services.GetService(typeof(DataBackends)) as DataBackends
            ?? throw new ActivityFaultException(MissingBackends,
                $"activity '{context.ActivityId}' ({context.ActivityType}) needs storage, catalog and data plane backends, and this host provides none.");
    }
}
