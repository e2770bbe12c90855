using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Cli.Run;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Labeling.Running;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPrepWorkflows.Cli.Labeling;

/// <summary>
/// The CLI's completion sink: when a job a local run waits on ends, it resumes that run's Label bookmark from
/// <c>.dataprep/runs/&lt;instance&gt;/state.json</c>, with the workflow found by id in the workflows folder, and saves
/// the run again. Runs of other hosts (the server) are left to them.
/// </summary>
internal sealed class LocalRunResumer(CliHost host, DataBackends backends, string workflowsFolder, TextWriter output) : ILabelingCompletionSink
{
    public async Task JobEndedAsync(LabelingJobSummary job, CancellationToken cancellationToken)
    {
        var waiter = job.Waiter!;
        var stateFile = Path.Combine(host.StateFolder, "runs", waiter.InstanceId, "state.json");
        if (!File.Exists(stateFile))
        {
            await output.WriteLineAsync($"workflow instance {waiter.InstanceId} is not a local run; its host resumes bookmark {waiter.BookmarkId}.");
            return;
        }

        var state = WorkflowInstanceState.FromJson(await File.ReadAllTextAsync(stateFile, cancellationToken));
        var resolver = new FolderWorkflowResolver(Path.GetFullPath(workflowsFolder), host.Registry);
        var definition = await resolver.ResolveAsync(state.WorkflowId, state.WorkflowVersion, cancellationToken);
        if (definition is null)
        {
            await output.WriteLineAsync($"workflow '{state.WorkflowId}' v{state.WorkflowVersion} is not in {workflowsFolder}; resume run {waiter.InstanceId} (bookmark {waiter.BookmarkId}) from its folder with --workflows.");
            return;
        }

        var engine = new WorkflowEngine(host.Registry, host.Expressions, new WorkflowEngineOptions
        {
            TimeProvider = TimeProvider.System,
            Env = host.Settings.Environment,
            Services = backends,
            LoggerFactory = NullLoggerFactory.Instance,
            WorkflowResolver = resolver,
        });
        var resumed = await engine.ResumeAsync(definition, state, waiter.BookmarkId, job.ToJson(), cancellationToken);
        var result = await new WorkflowRunner(engine).ContinueAsync(definition, resumed.State, cancellationToken);
        RunRecord.Save(host.StateFolder, result with { Journal = [.. resumed.Journal, .. result.Journal] });
        await output.WriteLineAsync($"resumed run {waiter.InstanceId} ({state.WorkflowId}): {result.Status}");
    }
}
