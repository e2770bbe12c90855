using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>The Glue job activity's journal messages.</summary>
internal static partial class JobLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Job run {JobRunId} of {JobName} started ({Kind} job {Script}, attempt {Attempt})")]
    public static partial void Started(ILogger logger, string jobRunId, string jobName, string kind, string script, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job run {JobRunId} ended {State} after {Seconds} s {Error}")]
    public static partial void Ended(ILogger logger, string jobRunId, string state, int seconds, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job run {JobRunId} already ran ({State}); returning its result instead of running it again")]
    public static partial void AlreadyRan(ILogger logger, string jobRunId, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job run {JobRunId}: the job bookmark lists no new files; nothing to process")]
    public static partial void NothingNew(ILogger logger, string jobRunId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog tables available to the SQL: {Tables}")]
    public static partial void CatalogTables(ILogger logger, string tables);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Rows} rows to {Location} ({Files} files)")]
    public static partial void Written(ILogger logger, long rows, string location, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "stdout: {Line}")]
    public static partial void Stdout(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "stderr: {Line}")]
    public static partial void Stderr(ILogger logger, string line);
}
