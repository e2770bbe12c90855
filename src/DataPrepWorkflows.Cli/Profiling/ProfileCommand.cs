using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Profile;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Cli.Profiling;

/// <summary>
/// <c>dataprep profile &lt;data&gt; --output dir/ [--configuration profile-config.json]</c>: a DataBrew-style profile
/// (<c>profile.json</c>) and an offline HTML report of a dataset.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(TextWriter output)
    {
        var data = new Argument<string>("data") { Description = "The dataset: local path, glob or s3:// URI." };
        var folder = new Option<string>("--output", "-o") { Description = "Folder for profile.json and report.html.", Required = true };
        var configuration = new Option<FileInfo?>("--configuration") { Description = "DataBrew profile configuration JSON." };
        var command = new Command("profile", "Profile a dataset as a DataBrew profile job does (JSON and an offline HTML report).") { data, folder, configuration };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = ReadConfiguration(parse.GetValue(configuration));
            var host = CliHost.Load();
            using var backends = await host.OpenBackendsAsync(cancellationToken);
            using var session = backends.OpenSession();
            try
            {
                var source = parse.GetRequiredValue(data);
                var dataset = session.Open(backends.ResolveLocalPath(source));
                var profile = await DataProfiler.ProfileAsync(session, dataset, settings, cancellationToken);
                var (json, report) = await ProfileFiles.WriteAsync(profile, backends.ResolveLocalPath(parse.GetRequiredValue(folder)), source, cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"profiled {profile.RowCount} rows, {profile.ColumnCount} columns ({profile.DuplicateRowsCount ?? 0} duplicate rows)"));
                await output.WriteLineAsync($"wrote {json}");
                await output.WriteLineAsync($"wrote {report}");
                return 0;
            }
            catch (Exception e) when (e is DatasetException or StorageException)
            {
                throw new UserError(CliErrorCodes.InvalidData, e.Message);
            }
        });
        return command;
    }

    private static ProfileConfiguration? ReadConfiguration(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists)
        {
            throw new UserError(CliErrorCodes.FileNotFound, $"--configuration '{file.FullName}' does not exist.");
        }

        try
        {
            return ProfileConfiguration.Parse(JsonNode.Parse(File.ReadAllText(file.FullName)));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new UserError(CliErrorCodes.InvalidInput, $"{file.Name}: {e.Message}");
        }
    }
}
