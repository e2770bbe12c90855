using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// Runs a <c>.py</c> (with <c>python3</c>) or <c>.sh</c> (with <c>bash</c>) job as a child process with Glue-style
/// arguments (<c>--JOB_NAME name --JOB_RUN_ID id --key value …</c>), its output lines going to the journal. Exit code
/// 0 is SUCCEEDED, anything else FAILED; cancellation kills the whole process tree.
/// </summary>
internal sealed class ScriptJob(ILogger logger)
{
    /// <summary>The environment variable telling a script where the local folder behind <c>s3://</c> is.</summary>
    public const string LocalS3RootVariable = "DATAPREP_S3_ROOT";

    public async Task<(int ExitCode, string? LastError)> RunAsync(
        string interpreter,
        string scriptPath,
        string jobName,
        string jobRunId,
        JobArguments arguments,
        string workingFolder,
        string? localS3Root,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder,
        };
        start.ArgumentList.Add(scriptPath);
        start.ArgumentList.Add("--JOB_NAME");
        start.ArgumentList.Add(jobName);
        start.ArgumentList.Add("--JOB_RUN_ID");
        start.ArgumentList.Add(jobRunId);
        foreach (var (key, value) in arguments.Values)
        {
            start.ArgumentList.Add(key);
            start.ArgumentList.Add(value);
        }

        if (localS3Root is not null)
        {
            start.Environment[LocalS3RootVariable] = localS3Root;
        }

        string? lastError = null;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                JobLog.Stdout(logger, e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lastError = e.Data;
                JobLog.Stderr(logger, e.Data);
            }
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new JobScriptException($"cannot start '{interpreter}': {error.Message}. Install it or put it on PATH.", error);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // The parameterless wait drains the redirected streams, so every line is in the journal before the step ends.
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return (process.ExitCode, lastError);
    }
}
