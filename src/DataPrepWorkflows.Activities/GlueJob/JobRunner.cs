using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>What runs the script.</summary>
internal enum JobKind
{
    Sql,
    Python,
    Shell,
}

/// <summary>
/// One attempt of a job run: fetches the script, runs it under the job timeout, maps how it ended to a
/// <c>JobRunState</c>, and advances the job bookmark when it succeeded.
/// </summary>
internal sealed class JobRunner(
    DataBackends backends,
    ActivityContext context,
    string jobName,
    string script,
    JobKind kind,
    JobArguments arguments,
    string jobFolder,
    TimeSpan timeout)
{
    /// <exception cref="OperationCanceledException">The workflow cancelled the run (it is then STOPPED).</exception>
    public async Task<JobRunResult> RunAsync(string jobRunId, int attempt)
    {
        var clock = context.Clock;
        var started = clock.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, deadline.Token);
        JobLog.Started(context.Logger, jobRunId, jobName, kind.ToString().ToLowerInvariant(), script, attempt);
        var bookmarks = JobBookmarks.Load(jobFolder, arguments.Bookmark);
        JobRunResult result;
        try
        {
            result = await RunScriptAsync(jobRunId, bookmarks, linked.Token).ConfigureAwait(false);
        }
        catch (JobScriptException error)
        {
            result = JobRunResult.Failed(jobRunId, error.Message);
        }
        catch (Exception error) when (IsCancellation(error) && deadline.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            result = new JobRunResult
            {
                JobRunId = jobRunId,
                JobRunState = JobRunState.Timeout,
                ErrorMessage = $"The job run exceeded its timeout of {timeout.TotalMinutes:0.##} minutes and was stopped.",
            };
        }
        catch (DuckDbException error) when (error.Kind == DuckDbErrorKind.Interrupt)
        {
            throw new OperationCanceledException("The job run was stopped.", error, context.CancellationToken);
        }

        if (result.JobRunState == JobRunState.Succeeded)
        {
            bookmarks.Advance();
        }

        result = result with { ExecutionTime = (int)clock.GetElapsedTime(started).TotalSeconds };
        JobLog.Ended(context.Logger, jobRunId, result.JobRunState, result.ExecutionTime, result.ErrorMessage ?? string.Empty);
        return result;
    }

    private static bool IsCancellation(Exception error) =>
        error is OperationCanceledException || (error is DuckDbException duck && duck.Kind == DuckDbErrorKind.Interrupt)
        || error.InnerException is OperationCanceledException;

    private async Task<JobRunResult> RunScriptAsync(string jobRunId, JobBookmarks bookmarks, CancellationToken cancellationToken)
    {
        if (kind == JobKind.Sql)
        {
            var sql = await ReadScriptAsync(cancellationToken).ConfigureAwait(false);
            return await new SqlJob(backends, context.Logger).RunAsync(jobRunId, sql, arguments, bookmarks, cancellationToken).ConfigureAwait(false);
        }

        var work = Directory.CreateDirectory(Path.Combine(backends.StateFolder, "tmp", "job-" + jobRunId)).FullName;
        try
        {
            var path = await LocalScriptAsync(work, cancellationToken).ConfigureAwait(false);
            var interpreter = kind == JobKind.Python ? "python3" : "bash";
            var root = backends.LocalFiles?.RootPath;
            var (exitCode, lastError) = await new ScriptJob(context.Logger)
                .RunAsync(interpreter, path, jobName, jobRunId, arguments, work, root, cancellationToken).ConfigureAwait(false);
            return exitCode == 0
                ? new JobRunResult { JobRunId = jobRunId, JobRunState = JobRunState.Succeeded }
                : JobRunResult.Failed(jobRunId, $"The script exited with code {exitCode}" + (lastError is null ? "." : $": {lastError}"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<string> ReadScriptAsync(CancellationToken cancellationToken)
    {
        if (script.StartsWith(S3Uri.Scheme, StringComparison.Ordinal))
        {
            var bytes = await FetchAsync(cancellationToken).ConfigureAwait(false);
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        return File.Exists(script)
            ? await File.ReadAllTextAsync(script, cancellationToken).ConfigureAwait(false)
            : throw new JobScriptException($"script '{script}' does not exist (paths are relative to the working folder).");
    }

    private async Task<string> LocalScriptAsync(string work, CancellationToken cancellationToken)
    {
        if (!script.StartsWith(S3Uri.Scheme, StringComparison.Ordinal))
        {
            return File.Exists(script) ? Path.GetFullPath(script) : throw new JobScriptException($"script '{script}' does not exist (paths are relative to the working folder).");
        }

        var path = Path.Combine(work, Path.GetFileName(script));
        await File.WriteAllBytesAsync(path, await FetchAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return path;
    }

    private async Task<byte[]> FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await backends.Storage.ReadAllBytesAsync(S3Uri.Parse(script), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException error)
        {
            throw new JobScriptException($"cannot read the script {script}: {error.Message}", error);
        }
    }
}
