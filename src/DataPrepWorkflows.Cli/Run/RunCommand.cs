using System.CommandLine;
using System.Diagnostics;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Engine.Execution;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPrepWorkflows.Cli.Run;

/// <summary>
/// <c>dataprep run &lt;workflow.json&gt; [--input k=v]... [--input-file f.json]</c>: validates the file, runs it on the
/// embedded default with live progress, prints a summary. Exit codes: 0 finished, 1 faulted, 3 waiting on something
/// outside (a bookmark no timer will resume), 130 cancelled, 2 a usage error.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("workflow") { Description = "The workflow file to run." };
        var inputs = new Option<string[]>("--input", "-i")
        {
            Description = "A workflow input as name=value (JSON unless the input is a string); repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var inputFile = new Option<FileInfo?>("--input-file") { Description = "A JSON object of inputs." };
        var command = new Command("run", "Run a workflow on the embedded default, with live progress and a summary.")
        {
            file, inputs, inputFile,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(file), parse.GetValue(inputs) ?? [], parse.GetValue(inputFile), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string[] inputPairs, FileInfo? inputFile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var host = CliHost.Load();
        var definition = await WorkflowLoading.LoadForRunAsync(file, host, error);
        var inputs = InputArguments.Parse(definition, inputPairs, inputFile?.FullName);

        using var backends = await host.OpenBackendsAsync(cancellationToken);
        var console = Terminal.Create(output);
        var clock = TimeProvider.System;
        var progress = new RunProgress(console, clock.GetUtcNow());
        var engine = new WorkflowEngine(host.Registry, host.Expressions, new WorkflowEngineOptions
        {
            TimeProvider = clock,
            Env = host.Settings.Environment,
            Observer = progress,
            Services = backends,
            LoggerFactory = NullLoggerFactory.Instance,
            WorkflowResolver = new FolderWorkflowResolver(file.DirectoryName!, host.Registry),
        });

        var stopwatch = Stopwatch.StartNew();
        WorkflowRunResult result;
        try
        {
            result = await new WorkflowRunner(engine).RunAsync(definition, new WorkflowStartRequest { Inputs = inputs }, cancellationToken);
        }
        catch (WorkflowInputException e)
        {
            throw new UserError(CliErrorCodes.InvalidInput, $"{file.Name}: {e.Message}");
        }

        RunSummary.Write(console, result, result.Journal, stopwatch.Elapsed);
        RunRecord.Save(host.StateFolder, result);
        return result.Status switch
        {
            WorkflowStatus.Finished => 0,
            WorkflowStatus.Faulted => 1,
            WorkflowStatus.Cancelled => 130,
            _ => 3,
        };
    }
}
