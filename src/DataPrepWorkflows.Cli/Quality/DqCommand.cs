using System.CommandLine;
using System.Globalization;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Dqdl;

namespace DataPrepWorkflows.Cli.Quality;

/// <summary>
/// <c>dataprep dq validate &lt;ruleset.dqdl&gt;</c>: prints the canonical DQDL ruleset, or the diagnostics
/// (<c>file(line,col): error CODE: message</c>) with exit code 1.
/// </summary>
internal static class DqCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("ruleset") { Description = "A DQDL ruleset file." };
        var validate = new Command("validate", "Check a DQDL ruleset; print it in canonical form or print its diagnostics.") { file };
        validate.SetAction(async (parse, _) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                throw new UserError(CliErrorCodes.FileNotFound, $"ruleset '{path.FullName}' does not exist.");
            }

            var result = DqdlDocument.Parse(await File.ReadAllTextAsync(path.FullName));
            if (result.Document is { } document && result.Diagnostics.Count == 0)
            {
                await output.WriteAsync(DqdlDocument.Print(document));
                return 0;
            }

            var display = WorkflowFiles.Display(path.FullName);
            foreach (var d in result.Diagnostics)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{display}({d.Line},{d.Column}): error {d.Code}: {d.Message}"));
            }

            return 1;
        });
        return new Command("dq", "Data-quality rulesets (DQDL).") { validate };
    }
}
