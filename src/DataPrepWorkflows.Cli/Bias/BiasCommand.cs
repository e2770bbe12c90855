using System.CommandLine;
using System.Globalization;
using DataPrepWorkflows.Activities.BiasCheck;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Cli.Bias;

/// <summary>
/// <c>dataprep bias --config analysis_config.json --data d.csv --output dir/</c>: SageMaker Clarify pre-training bias
/// metrics; writes <c>dir/analysis.json</c> (Clarify's output shape) and <c>dir/report.html</c>.
/// </summary>
internal static class BiasCommand
{
    public static Command Create(TextWriter output)
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "Clarify's analysis_config.json.", Required = true };
        var data = new Option<string>("--data", "-d") { Description = "The dataset: local path or s3:// URI.", Required = true };
        var folder = new Option<string>("--output", "-o") { Description = "Folder for analysis.json and report.html.", Required = true };
        var command = new Command("bias", "Compute Clarify pre-training bias metrics (CI, DPL, KL, JS, LP, TVD, KS, CDDL).") { config, data, folder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(config);
            if (!file.Exists)
            {
                throw new UserError(CliErrorCodes.FileNotFound, $"--config '{file.FullName}' does not exist.");
            }

            var host = CliHost.Load();
            using var backends = await host.OpenBackendsAsync(cancellationToken);
            using var session = backends.OpenSession();
            try
            {
                var settings = BiasConfigReader.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken), file.Name);
                var result = await BiasAnalysis.RunAsync(session, settings, backends.ResolveLocalPath(parse.GetRequiredValue(data)),
                    backends.ResolveLocalPath(parse.GetRequiredValue(folder)), cancellationToken);
                var c = CultureInfo.InvariantCulture;
                foreach (var facet in result.Facets)
                {
                    await output.WriteLineAsync(string.Create(c, $"facet {facet.Facet} = {facet.ValueOrThreshold}:"));
                    foreach (var metric in facet.Metrics)
                    {
                        await output.WriteLineAsync(string.Create(c, $"  {metric.Name,-5} {(metric.Value is { } v ? v.ToString("0.######", c) : "error: " + metric.Error)}"));
                    }
                }

                await output.WriteLineAsync($"wrote {result.AnalysisJsonPath}");
                await output.WriteLineAsync($"wrote {result.ReportPath}");
                return 0;
            }
            catch (BiasCheckException e)
            {
                throw new UserError(CliErrorCodes.InvalidInput, e.Message);
            }
            catch (Exception e) when (e is DatasetException or StorageException)
            {
                throw new UserError(CliErrorCodes.InvalidData, e.Message);
            }
        });
        return command;
    }
}
