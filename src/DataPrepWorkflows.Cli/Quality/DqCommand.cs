using System.CommandLine;
using System.Globalization;
using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Dqdl;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Cli.Quality;

/// <summary>
/// <c>dataprep dq validate &lt;ruleset.dqdl&gt;</c>: prints the canonical DQDL ruleset, or the diagnostics
/// (<c>file(line,col): error CODE: message</c>) with exit code 1. <c>dataprep dq evaluate --ruleset r.dqdl --data d.csv
/// [--reference name=path]...</c>: evaluates the ruleset and prints Glue-shaped results as JSON; exit code 1 when a
/// rule did not pass.
/// </summary>
internal static class DqCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("ruleset") { Description = "A DQDL ruleset file." };
        var validate = new Command("validate", "Check a DQDL ruleset; print it in canonical form or print its diagnostics.") { file };
        validate.SetAction(async (parse, _) =>
        {
            var document = await ParseOrReportAsync(parse.GetRequiredValue(file), error);
            if (document is null)
            {
                return 1;
            }

            await output.WriteAsync(DqdlDocument.Print(document));
            return 0;
        });
        return new Command("dq", "Data-quality rulesets (DQDL).") { validate, Evaluate(output, error) };
    }

    private static Command Evaluate(TextWriter output, TextWriter error)
    {
        var ruleset = new Option<FileInfo>("--ruleset", "-r") { Description = "The DQDL ruleset file.", Required = true };
        var data = new Option<string>("--data", "-d") { Description = "The dataset: local path, glob or s3:// URI.", Required = true };
        var references = new Option<string[]>("--reference") { Description = "An additional data source as name=path (repeatable)." };
        var datasetName = new Option<string?>("--dataset-name") { Description = "Key of the metric history (default: from the data path)." };
        var command = new Command("evaluate", "Evaluate a ruleset against a dataset; print Glue Data Quality results as JSON.")
        {
            ruleset, data, references, datasetName,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(ruleset);
            var document = await ParseOrReportAsync(file, error);
            if (document is null)
            {
                return 1;
            }

            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(references) ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    throw new UserError(CliErrorCodes.InvalidInput, $"--reference '{pair}' must be name=path, for example --reference customers=s3://raw/customers/.");
                }

                named[pair[..equals]] = pair[(equals + 1)..];
            }

            var host = CliHost.Load();
            using var backends = await host.OpenBackendsAsync(cancellationToken);
            DataQualityReport report;
            try
            {
                report = await DataQualityEvaluator.EvaluateAsync(backends, document, parse.GetRequiredValue(data), named,
                    new DataQualityOptions { DatasetName = parse.GetValue(datasetName) }, cancellationToken);
            }
            catch (Exception e) when (e is DatasetException or StorageException)
            {
                throw new UserError(CliErrorCodes.InvalidData, e.Message);
            }

            await output.WriteLineAsync(DataQualityResultJson.Write(report));
            return report.Results.All(r => r.Outcome == DataQualityOutcome.Passed) ? 0 : 1;
        });
        return command;
    }

    private static async Task<DqdlDocument?> ParseOrReportAsync(FileInfo path, TextWriter error)
    {
        if (!path.Exists)
        {
            throw new UserError(CliErrorCodes.FileNotFound, $"ruleset '{path.FullName}' does not exist.");
        }

        var result = DqdlDocument.Parse(await File.ReadAllTextAsync(path.FullName));
        if (result.Document is { } document && result.Diagnostics.Count == 0)
        {
            return document;
        }

        var display = WorkflowFiles.Display(path.FullName);
        foreach (var d in result.Diagnostics)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{display}({d.Line},{d.Column}): error {d.Code}: {d.Message}"));
        }

        return null;
    }
}
