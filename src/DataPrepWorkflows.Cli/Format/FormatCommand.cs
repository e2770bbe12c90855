using System.CommandLine;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Dsl.Writing;

namespace DataPrepWorkflows.Cli.Format;

/// <summary>
/// <c>dataprep fmt [files or folders] [--check]</c>: rewrites workflow files in canonical form (idempotent, unknown
/// fields kept). With <c>--check</c> nothing is written and the exit code is 1 when a file is not canonical.
/// </summary>
internal static class FormatCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Workflow files or folders (default: workflows).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check") { Description = "Only report files that are not in canonical form." };
        var command = new Command("fmt", "Rewrite workflow files in canonical form.") { paths, check };
        command.SetAction(async (parse, _) =>
        {
            var host = CliHost.Load();
            var files = WorkflowFiles.Expand(parse.GetValue(paths) is { Length: > 0 } p ? p : ["workflows"]);
            var checkOnly = parse.GetValue(check);
            int changed = 0, failed = 0;
            foreach (var file in files)
            {
                var display = WorkflowFiles.Display(file);
                var original = await File.ReadAllTextAsync(file);
                var result = WorkflowFormatter.Format(original, host.Registry);
                if (result.Text is null)
                {
                    failed++;
                    foreach (var diagnostic in result.Diagnostics)
                    {
                        await output.WriteLineAsync(diagnostic.ToString(display));
                    }

                    continue;
                }

                if (result.Text == original)
                {
                    continue;
                }

                changed++;
                await output.WriteLineAsync(checkOnly ? $"{display}: not in canonical form" : $"{display}: formatted");
                if (!checkOnly)
                {
                    var temporary = file + ".tmp";
                    await File.WriteAllTextAsync(temporary, result.Text);
                    File.Move(temporary, file, overwrite: true);
                }
            }

            await error.WriteLineAsync($"{files.Count} file(s): {changed} {(checkOnly ? "to format" : "formatted")}, {failed} unreadable.");
            return failed > 0 || (checkOnly && changed > 0) ? 1 : 0;
        });
        return command;
    }
}
