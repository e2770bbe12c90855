using System.CommandLine;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Dsl.Validation;

namespace DataPrepWorkflows.Cli.Validate;

/// <summary>
/// <c>dataprep validate [files or folders]</c>: compiler-style lines <c>file(line,col): error CODE: message</c> on
/// standard output; exit code 1 when any file has an error.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Workflow files or folders (default: workflows).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "Check workflow files and print diagnostics.") { paths };
        command.SetAction(async (parse, _) =>
        {
            var host = CliHost.Load();
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : ["workflows"];
            var files = WorkflowFiles.Expand(given);
            var validator = new WorkflowValidator(host.Registry, host.Expressions);
            int errors = 0, warnings = 0;
            foreach (var file in files)
            {
                var result = validator.ValidateFile(file);
                foreach (var diagnostic in result.Diagnostics)
                {
                    await output.WriteLineAsync(diagnostic.ToString(WorkflowFiles.Display(file)));
                    errors += diagnostic.IsError ? 1 : 0;
                    warnings += diagnostic.IsError ? 0 : 1;
                }
            }

            await error.WriteLineAsync($"{files.Count} file(s) checked: {errors} error(s), {warnings} warning(s).");
            return errors > 0 ? 1 : 0;
        });
        return command;
    }
}
