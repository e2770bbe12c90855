using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Output;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Cli.Labeling;

/// <summary>
/// <c>dataprep label list|show|submit|stop</c>: the local labeling jobs (the Label activity's store under the state
/// folder). <c>submit</c> answers a task as a worker; when that completes a job (or <c>stop</c> ends one) that a local
/// run waits on, the run is resumed. Every command first ends jobs whose task availability lifetime has elapsed.
/// </summary>
internal static class LabelCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(TextWriter output)
    {
        var workflows = new Option<string>("--workflows") { Description = "Folder of workflow files, to resume a local run waiting on the job.", DefaultValueFactory = _ => "workflows" };
        var list = new Command("list", "List labeling jobs with their progress.");
        list.SetAction((_, ct) => WithJobsAsync(output, "workflows", ct, async jobs =>
        {
            foreach (var job in await jobs.ListAsync(ct))
            {
                var p = job.Progress;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{job.Name}\t{job.Status}\t{p.Labeled}/{p.Total} labeled\thuman {p.HumanLabeled}\tauto {p.MachineLabeled}\tfailed {p.Failed}"));
            }
        }));

        var showName = new Argument<string>("job") { Description = "The labeling job name." };
        var show = new Command("show", "Show a job as DescribeLabelingJob does (status, label counters, output).") { showName };
        show.SetAction((parse, ct) => WithJobsAsync(output, "workflows", ct, async jobs =>
            await output.WriteLineAsync((await jobs.ExpireIfDueAsync(parse.GetRequiredValue(showName), notify: true, ct)).ToJson().ToJsonString(Indented))));

        var submitName = new Argument<string>("job") { Description = "The labeling job name." };
        var worker = new Option<string>("--worker", "-w") { Description = "Your worker id.", Required = true };
        var labels = new Option<string[]>("--label", "-l") { Description = "The label (repeat for multi-label tasks).", Required = true, AllowMultipleArgumentsPerToken = false };
        var objectIndex = new Option<int?>("--object") { Description = "The object (datasetObjectId) to answer; default: your next task." };
        var submit = new Command("submit", "Answer your next task (or --object n) with the given label(s).") { submitName, worker, labels, objectIndex, workflows };
        submit.SetAction((parse, ct) => WithJobsAsync(output, parse.GetRequiredValue(workflows), ct, async jobs =>
        {
            var name = parse.GetRequiredValue(submitName);
            var who = parse.GetRequiredValue(worker);
            var task = await jobs.NextTaskAsync(name, who, parse.GetValue(objectIndex), ct);
            if (task is null && await jobs.GetRequiredAsync(name, ct) is { Status: not LabelingJobStatus.InProgress } ended)
            {
                throw new UserError(LabelingCliErrors.JobNotInProgress, $"labeling job '{ended.Name}' is {ended.Status}; it takes no more answers.");
            }

            task = task ?? throw new UserError(LabelingCliErrors.NoTask, parse.GetValue(objectIndex) is { } n
                    ? $"object {n} of job '{name}' is not available to worker '{who}' (labeled, answered or skipped already, or taken by enough workers)."
                    : $"no task of job '{name}' is left for worker '{who}'.");
            var answer = parse.GetRequiredValue(labels);
            var job = await jobs.SubmitAsync(name, who, task.ObjectIndex, new LabelAnswer(answer), ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"object {task.ObjectIndex} answered '{string.Join(", ", answer)}' by {who}; {job.Name}: {job.Progress.Labeled}/{job.Progress.Total} labeled, {job.Status}"));
            if (job.Status != LabelingJobStatus.InProgress)
            {
                await output.WriteLineAsync($"output manifest: {job.OutputManifest}");
            }
        }));

        var stopName = new Argument<string>("job") { Description = "The labeling job name." };
        var stop = new Command("stop", "Stop a job: answered objects are consolidated, the rest fail; output is written.") { stopName, workflows };
        stop.SetAction((parse, ct) => WithJobsAsync(output, parse.GetRequiredValue(workflows), ct, async jobs =>
        {
            var job = await jobs.StopAsync(parse.GetRequiredValue(stopName), ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{job.Name} stopped: {job.Progress.Labeled}/{job.Progress.Total} labeled, {job.Progress.Failed} failed; output manifest: {job.OutputManifest}"));
        }));

        return new Command("label", "Labeling jobs (SageMaker Ground Truth, local): list, show, submit answers, stop.") { list, show, submit, stop };
    }

    private static async Task<int> WithJobsAsync(TextWriter output, string workflowsFolder, CancellationToken cancellationToken, Func<LabelingJobs, Task> action)
    {
        var host = CliHost.Load();
        using var backends = await host.OpenBackendsAsync(cancellationToken);
        var jobs = Open(host, backends, workflowsFolder, output);
        try
        {
            await jobs.ExpireDueAsync(cancellationToken);
            await action(jobs);
            return 0;
        }
        catch (LabelingException error)
        {
            throw LabelingCliErrors.From(error);
        }
    }

    private static LabelingJobs Open(CliHost host, DataBackends backends, string workflowsFolder, TextWriter output) =>
        new(SqliteLabelingStore.InStateFolder(host.StateFolder), new LabelingFiles(backends.Storage), TimeProvider.System,
            new LocalRunResumer(host, backends, workflowsFolder, output));
}
