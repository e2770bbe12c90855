namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>How one job run ended, shaped like Glue's <c>GetJobRun</c> plus what a SQL job wrote.</summary>
internal sealed record JobRunResult
{
    public required string JobRunId { get; init; }

    public required string JobRunState { get; init; }

    public string? ErrorMessage { get; init; }

    public int ExecutionTime { get; init; }

    public int Attempt { get; init; }

    public string? OutputPath { get; init; }

    public long RowsWritten { get; init; }

    public string? OutputTable { get; init; }

    /// <summary>Files handed to the job by bookmark expansions.</summary>
    public int BookmarkedFiles { get; init; }

    public static JobRunResult Failed(string id, string message) => new() { JobRunId = id, JobRunState = GlueJob.JobRunState.Failed, ErrorMessage = message };
}
