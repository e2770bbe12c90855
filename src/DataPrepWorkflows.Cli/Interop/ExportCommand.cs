using System.CommandLine;
using System.Text.Json;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Dsl.Elsa;
using DataPrepWorkflows.Dsl.Validation;

namespace DataPrepWorkflows.Cli.Interop;

/// <summary>
/// <c>dataprep export &lt;workflow.json&gt; --format elsa3 [--output file]</c>: writes the workflow as an Elsa 3
/// workflow definition (positions from the <c>.layout.json</c> sidecar when there is one).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workflow = new Argument<string>("workflow") { Description = "The workflow file to export." };
        var format = new Option<string>("--format") { Description = "Target format: elsa3.", DefaultValueFactory = _ => "elsa3" };
        var file = new Option<string?>("--output", "-o") { Description = "Where to write (default: standard output)." };
        var command = new Command("export", "Export a workflow to another tool's format (Elsa 3 JSON).") { workflow, format, file };
        command.SetAction(async (parse, _) =>
        {
            if (!string.Equals(parse.GetValue(format), "elsa3", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserError(InteropErrorCodes.UnsupportedFormat, $"--format '{parse.GetValue(format)}' is not supported; use --format elsa3.");
            }

            var host = CliHost.Load();
            var path = parse.GetValue(workflow)!;
            var text = await InteropFiles.ReadAsync(path, "workflow file");
            var display = WorkflowFiles.Display(Path.GetFullPath(path));
            var result = new WorkflowValidator(host.Registry, host.Expressions).Validate(text);
            foreach (var diagnostic in result.Diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString(display));
            }

            if (result.Definition is null || result.HasErrors)
            {
                throw new UserError(InteropErrorCodes.InvalidWorkflowToExport, $"{display} has errors (listed above); fix them before exporting.");
            }

            var layout = await ReadLayoutAsync(WorkflowLayout.SidecarPath(path), error);
            var elsa = ElsaWorkflowExporter.Export(result.Definition, layout, host.Registry);
            await InteropFiles.WriteAsync(parse.GetValue(file), InteropFiles.Print(elsa), output);
            return 0;
        });
        return command;
    }

    private static async Task<WorkflowLayout?> ReadLayoutAsync(string sidecar, TextWriter error)
    {
        if (!File.Exists(sidecar))
        {
            return null;
        }

        try
        {
            return WorkflowLayout.Parse(await File.ReadAllTextAsync(sidecar));
        }
        catch (JsonException e)
        {
            // Layout is cosmetic: a broken sidecar must not block the export.
            await error.WriteLineAsync($"{WorkflowFiles.Display(Path.GetFullPath(sidecar))}: layout ignored, it is not valid JSON ({e.Message}).");
            return null;
        }
    }
}
