using System.Collections.Specialized;
using System.Globalization;

namespace DataPrepWorkflows.Scheduling.Jobs;

/// <summary>Quartz's configuration for a persistent (ADO) job store built from <see cref="WorkflowSchedulerOptions"/>.</summary>
internal static class QuartzProperties
{
    public static NameValueCollection From(WorkflowSchedulerOptions options)
    {
        var sqlite = options.Provider == ScheduleStoreProvider.Sqlite;
        string Ms(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        return new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = options.SchedulerName,
            ["quartz.scheduler.instanceId"] = options.InstanceId ?? (options.Clustered ? "AUTO" : "NON_CLUSTERED"),
            ["quartz.threadPool.maxConcurrency"] = options.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            ["quartz.serializer.type"] = typeof(JobDataJsonSerializer).AssemblyQualifiedName,
            ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
            ["quartz.jobStore.driverDelegateType"] = sqlite
                ? "Quartz.Impl.AdoJobStore.SQLiteDelegate, Quartz"
                : "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz",
            ["quartz.jobStore.dataSource"] = "default",
            ["quartz.jobStore.tablePrefix"] = options.TablePrefix,
            ["quartz.jobStore.useProperties"] = "true",
            ["quartz.jobStore.clustered"] = options.Clustered ? "true" : "false",
            ["quartz.jobStore.misfireThreshold"] = Ms(options.MisfireThreshold),
            ["quartz.jobStore.performSchemaValidation"] = "true",
            ["quartz.dataSource.default.provider"] = sqlite ? "SQLite-Microsoft" : "Npgsql",
            ["quartz.dataSource.default.connectionString"] = options.ConnectionString,
        };
    }
}
