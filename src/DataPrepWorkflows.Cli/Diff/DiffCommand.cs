using System.CommandLine;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Cli.Interop;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Dsl.Diff;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Cli.Diff;

/// <summary>
/// <c>dataprep diff &lt;old.json&gt; &lt;new.json&gt; [--json]</c>: the structural difference of two versions of a
/// workflow (activities, inputs, edges, declarations, triggers), as text or as the JSON the server returns.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var oldFile = new Argument<string>("old") { Description = "The old version of the workflow file." };
        var newFile = new Argument<string>("new") { Description = "The new version of the workflow file." };
        var json = new Option<bool>("--json") { Description = "Print the diff as JSON." };
        var command = new Command("diff", "Show what changed between two versions of a workflow, structurally.") { oldFile, newFile, json };
        command.SetAction(async (parse, _) =>
        {
            var host = CliHost.Load();
            var before = await ReadAsync(parse.GetValue(oldFile)!, host, error);
            var after = await ReadAsync(parse.GetValue(newFile)!, host, error);
            var diff = WorkflowDiffer.Diff(before, after);
            await output.WriteAsync(parse.GetValue(json) ? diff.ToJson() + "\n" : WorkflowDiffText.Render(diff));
            return 0;
        });
        return command;
    }

    private static async Task<WorkflowDefinition> ReadAsync(string path, CliHost host, TextWriter error)
    {
        var text = await InteropFiles.ReadAsync(path, "workflow file");
        var display = WorkflowFiles.Display(Path.GetFullPath(path));
        var read = WorkflowFile.Read(text, host.Registry);
        if (read.Definition is not null && !read.HasErrors)
        {
            return read.Definition;
        }

        foreach (var diagnostic in read.Diagnostics.Where(d => d.IsError))
        {
            await error.WriteLineAsync(diagnostic.ToString(display));
        }

        throw new UserError(InteropErrorCodes.UnreadableDiffInput, $"{display} cannot be read as a workflow (see above); a diff needs two readable files.");
    }
}
