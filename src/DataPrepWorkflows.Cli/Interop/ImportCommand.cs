using System.CommandLine;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Dsl.Elsa;
using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Dsl.Writing;

namespace DataPrepWorkflows.Cli.Interop;

/// <summary>
/// <c>dataprep import &lt;elsa.json&gt; [--output file]</c>: turns an Elsa 3 workflow definition into our canonical
/// workflow file (and its <c>.layout.json</c> sidecar when the Elsa file has positions), then validates it.
/// Problems in the Elsa file are printed with its line; problems of the result with the output's line.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var source = new Argument<string>("elsa-file") { Description = "An Elsa 3 workflow definition (JSON, as exported by Elsa Studio)." };
        var file = new Option<string?>("--output", "-o") { Description = "Where to write the workflow (default: standard output)." };
        var command = new Command("import", "Import an Elsa 3 workflow definition as a workflow file.") { source, file };
        command.SetAction(async (parse, _) =>
        {
            var host = CliHost.Load();
            var path = parse.GetValue(source)!;
            var display = WorkflowFiles.Display(Path.GetFullPath(path));
            var imported = ElsaWorkflowImporter.Import(await InteropFiles.ReadAsync(path, "Elsa file"), path, host.Registry);
            foreach (var diagnostic in imported.Diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString(display));
            }

            if (imported.Definition is null)
            {
                throw new UserError(InteropErrorCodes.NotImportable, $"{display} cannot be imported (see above).");
            }

            var text = WorkflowWriter.Write(imported.Definition, host.Registry);
            var target = parse.GetValue(file);
            await InteropFiles.WriteAsync(target, text, output);
            if (target is not null && imported.Layout is not null)
            {
                await InteropFiles.WriteAsync(WorkflowLayout.SidecarPath(target), imported.Layout.ToJson(), output);
            }

            var written = target is null ? imported.Definition.Id + ".json" : WorkflowFiles.Display(Path.GetFullPath(target));
            var validation = new WorkflowValidator(host.Registry, host.Expressions).Validate(text);
            foreach (var diagnostic in validation.Diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString(written));
            }

            var errors = imported.Diagnostics.Count(d => d.IsError) + validation.Diagnostics.Count(d => d.IsError);
            if (errors > 0)
            {
                throw new UserError(InteropErrorCodes.ImportedWithErrors, $"{written} was written with {errors} error(s) (listed above); fix them before running it.");
            }

            return 0;
        });
        return command;
    }
}
