using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Crawl;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// A Glue job run on the local data plane, with StartJobRun's inputs and GetJobRun's outputs: a <c>.sql</c> script runs
/// on DuckDB over catalog tables and <c>s3://</c> paths, a <c>.py</c> or <c>.sh</c> script runs as a local process.
/// Completes with <c>Succeeded</c> or <c>Failed</c> (FAILED, TIMEOUT, STOPPED), or faults with
/// <see cref="GlueJobErrors.JobRunFailed"/> when <see cref="FaultOnFailure"/> is set.
/// </summary>
[Activity("GlueJob", Category = "AWS Glue", SafeToRerun = false,
    Description = "Runs a Glue job (SQL on DuckDB, or a Python/shell script) with job bookmarks, like StartJobRun and GetJobRun.")]
[Outcomes(Succeeded, Failed)]
public sealed class GlueJobActivity : CodeActivity
{
    /// <summary>The outcome when the run ends SUCCEEDED.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>The outcome when the run ends FAILED, TIMEOUT or STOPPED.</summary>
    public const string Failed = "Failed";

    /// <summary>Glue's default job timeout, in minutes (48 hours).</summary>
    public const int DefaultTimeoutMinutes = 2880;

    /// <summary>The job's name (Glue's <c>JobName</c>).</summary>
    [Input(Required = true, Order = 0, Description = "The job's name; keys its bookmark and its run history.")]
    public string JobName { get; set; } = "";

    /// <summary>The script run locally.</summary>
    [Input(Required = true, Order = 1, Description = "The job script, a local path or s3:// URI: .sql runs on DuckDB, .py with python3, .sh with bash.")]
    public string Script { get; set; } = "";

    /// <summary>Glue's <c>Arguments</c>.</summary>
    [Input(Order = 2, Description = "Job arguments as {\"--key\": \"value\"}. SQL jobs read them as ${key}; --output_path, --output_format (parquet|csv), --partition_by (col1,col2), --write_mode (overwrite|append) and --output_table (database.table) say where the result goes; --job-bookmark-option is job-bookmark-enable|job-bookmark-disable|job-bookmark-pause.")]
    public JsonObject? Arguments { get; set; }

    /// <summary>Glue's <c>WorkerType</c>; recorded, as local runs use this machine.</summary>
    [Input(Order = 3, DefaultJson = "\"G.1X\"", AllowedValues = ["G.025X", "G.1X", "G.2X", "G.4X", "G.8X", "Z.2X", "Standard"],
        Description = "Worker type on AWS; the local run uses this machine.")]
    public string WorkerType { get; set; } = "G.1X";

    /// <summary>Glue's <c>NumberOfWorkers</c>; recorded, as local runs use this machine.</summary>
    [Input(Order = 4, DefaultJson = "2", Description = "Number of workers on AWS; the local run uses this machine.")]
    public int NumberOfWorkers { get; set; } = 2;

    /// <summary>Glue's <c>Timeout</c>, in minutes.</summary>
    [Input(Order = 5, DefaultJson = "2880", Description = "Minutes before the run is stopped and ends TIMEOUT (Glue's default: 2880).")]
    public int Timeout { get; set; } = DefaultTimeoutMinutes;

    /// <summary>Glue's <c>MaxRetries</c>.</summary>
    [Input(Order = 6, DefaultJson = "0", Description = "How many times a FAILED run is retried before the activity reports it.")]
    public int MaxRetries { get; set; }

    /// <summary>Idempotency token.</summary>
    [Input(Order = 7, Description = "Idempotency token: a second execution with the same token returns the first run's result. Derived from the instance, activity, attempt and inputs when absent.")]
    public string? ClientRequestToken { get; set; }

    /// <summary>Whether an unsuccessful run faults instead of taking the <c>Failed</c> outcome.</summary>
    [Input(Order = 8, DefaultJson = "false", Description = "Fault with Glue.JobRunFailed (for retry/catch) instead of taking the Failed outcome.")]
    public bool FaultOnFailure { get; set; }

    /// <summary>Glue's <c>JobRunId</c>.</summary>
    [Output(Description = "The job run id (jr_…).")]
    public string JobRunId { get; private set; } = "";

    /// <summary>Glue's <c>JobRunState</c>.</summary>
    [Output(Description = "SUCCEEDED, FAILED, TIMEOUT or STOPPED.")]
    public string JobRunState { get; private set; } = "";

    /// <summary>Glue's <c>ErrorMessage</c>.</summary>
    [Output(Description = "Why the run did not succeed.")]
    public string? ErrorMessage { get; private set; }

    /// <summary>Glue's <c>ExecutionTime</c>, in seconds.</summary>
    [Output(Description = "Seconds the run took.")]
    public int ExecutionTime { get; private set; }

    /// <summary>Glue's <c>Attempt</c>.</summary>
    [Output(Description = "0 for the first run, then one more per retry (MaxRetries).")]
    public int Attempt { get; private set; }

    /// <summary>Where a SQL job wrote its result.</summary>
    [Output(Description = "SQL jobs: the folder the result was written to.")]
    public string? OutputPath { get; private set; }

    /// <summary>Rows a SQL job wrote.</summary>
    [Output(Description = "SQL jobs: rows written.")]
    public long RowsWritten { get; private set; }

    /// <summary>The table a SQL job registered.</summary>
    [Output(Description = "SQL jobs: the catalog table registered for the output (database.table).")]
    public string? OutputTable { get; private set; }

    /// <summary>Files handed in by bookmark expansions.</summary>
    [Output(Description = "SQL jobs: files listed by ${bookmark:…} expansions (only new ones with bookmarks enabled).")]
    public int BookmarkedFiles { get; private set; }

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = Validate();
        var arguments = JobArguments.Parse(Arguments);
        var backends = context.Backends();
        var jobFolder = Path.Combine(backends.StateFolder, "glue-jobs", PartitionNaming.Sanitize(JobName));
        var runs = new JobRunStore(jobFolder);
        var id = GlueJob.JobRunId.For(context, ClientRequestToken);
        var run = runs.Find(id);
        if (run is not null)
        {
            JobLog.AlreadyRan(context.Logger, id, run.JobRunState);
            if (run.JobRunState == GlueJob.JobRunState.Running)
            {
                // The host stopped while the run was going; its process went with it, and running it again could
                // write twice, so the run is reported as failed.
                run = GlueJob.JobRunResult.Failed(id, "The job run was interrupted: the host stopped while it was running. Start a new run.");
                runs.Save(run);
            }
        }
        else
        {
            runs.Save(new JobRunResult { JobRunId = id, JobRunState = GlueJob.JobRunState.Running });
            var runner = new JobRunner(backends, context, JobName, Script, kind, arguments, jobFolder, TimeSpan.FromMinutes(Timeout));
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    run = await runner.RunAsync(id, attempt).ConfigureAwait(false) with { Attempt = attempt };
                }
                catch (OperationCanceledException)
                {
                    runs.Save(new JobRunResult { JobRunId = id, JobRunState = GlueJob.JobRunState.Stopped, ErrorMessage = "The workflow stopped the job run.", Attempt = attempt });
                    throw;
                }

                if (run.JobRunState != GlueJob.JobRunState.Failed || attempt >= MaxRetries)
                {
                    break;
                }
            }

            runs.Save(run);
        }

        Report(context, run);
    }

    private void Report(ActivityContext context, JobRunResult run)
    {
        JobRunId = run.JobRunId;
        JobRunState = run.JobRunState;
        ErrorMessage = run.ErrorMessage;
        ExecutionTime = run.ExecutionTime;
        Attempt = run.Attempt;
        OutputPath = run.OutputPath;
        RowsWritten = run.RowsWritten;
        OutputTable = run.OutputTable;
        BookmarkedFiles = run.BookmarkedFiles;
        if (run.JobRunState == GlueJob.JobRunState.Succeeded)
        {
            context.SetOutcome(Succeeded);
            return;
        }

        if (FaultOnFailure)
        {
            throw new ActivityFaultException(GlueJobErrors.JobRunFailed, $"Job run {run.JobRunId} of {JobName} ended {run.JobRunState}: {run.ErrorMessage}");
        }

        context.SetOutcome(Failed);
    }

    private JobKind Validate()
    {
        if (string.IsNullOrWhiteSpace(JobName))
        {
            throw new ActivityFaultException(GlueJobErrors.InvalidInput, "jobName is required: name the job (it keys the bookmark and run history).");
        }

        if (Timeout < 1 || MaxRetries < 0 || NumberOfWorkers < 1)
        {
            throw new ActivityFaultException(GlueJobErrors.InvalidInput, "timeout and numberOfWorkers must be at least 1, maxRetries at least 0.");
        }

        var extension = Path.GetExtension(Script ?? string.Empty).ToLowerInvariant();
        return extension switch
        {
            ".sql" => JobKind.Sql,
            ".py" => JobKind.Python,
            ".sh" => JobKind.Shell,
            _ => throw new ActivityFaultException(GlueJobErrors.InvalidInput, $"script: '{Script}' must end in .sql (DuckDB SQL), .py (python3) or .sh (bash)."),
        };
    }
}
