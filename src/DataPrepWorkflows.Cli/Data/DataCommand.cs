using System.CommandLine;
using System.Globalization;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Storage;
using Spectre.Console;

namespace DataPrepWorkflows.Cli.Data;

/// <summary>
/// <c>dataprep data head|schema|convert &lt;path&gt;</c>: look at and convert datasets (CSV, JSON Lines, Parquet; a file,
/// a folder or a glob) by local path or <c>s3://</c> URI on the embedded default.
/// </summary>
internal static class DataCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("data", "Inspect and convert datasets (CSV, JSON Lines, Parquet) with the local data plane.");
        command.Subcommands.Add(Head(output));
        command.Subcommands.Add(Schema(output));
        command.Subcommands.Add(Convert(output));
        return command;
    }

    private static Argument<string> PathArgument() => new("path") { Description = "A local path, glob or s3:// URI." };

    private static Command Head(TextWriter output)
    {
        var path = PathArgument();
        var rows = new Option<int>("--rows", "-n") { Description = "Rows to show.", DefaultValueFactory = _ => 10 };
        var command = new Command("head", "Show the first rows.") { path, rows };
        command.SetAction((parse, cancellationToken) => WithDatasetAsync(parse.GetRequiredValue(path), cancellationToken, async (dataset, _) =>
        {
            var preview = await dataset.HeadAsync(Math.Max(0, parse.GetValue(rows)), cancellationToken);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in preview.Columns)
            {
                table.AddColumn(Markup.Escape(column.Name));
            }

            foreach (var row in preview.Rows)
            {
                table.AddRow(row.Select(v => v is null ? "[grey]null[/]" : Markup.Escape(v)).ToArray());
            }

            Terminal.Create(output).Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Schema(TextWriter output)
    {
        var path = PathArgument();
        var command = new Command("schema", "Show the columns with their Glue types, and the row count.") { path };
        command.SetAction((parse, cancellationToken) => WithDatasetAsync(parse.GetRequiredValue(path), cancellationToken, async (dataset, _) =>
        {
            var schema = await dataset.GetSchemaAsync(cancellationToken);
            var count = await dataset.CountAsync(cancellationToken);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Column", "Glue type");
            foreach (var column in schema.Columns)
            {
                table.AddRow(Markup.Escape(column.Name), Markup.Escape(column.GlueType));
            }

            var console = Terminal.Create(output);
            console.Write(table);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} rows, {schema.Columns.Count} columns"));
            return 0;
        }));
        return command;
    }

    private static Command Convert(TextWriter output)
    {
        var path = PathArgument();
        var target = new Argument<string>("output") { Description = "Where to write (.csv, .parquet, or a folder with --partition-by)." };
        var format = new Option<DatasetFormat>("--format") { Description = "Output format (default: from the output's extension)." };
        var partitionBy = new Option<string[]>("--partition-by") { Description = "Columns to partition by (key=value/ folders).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("convert", "Convert a dataset to CSV or Parquet (Snappy), optionally partitioned.") { path, target, format, partitionBy };
        command.SetAction((parse, cancellationToken) => WithDatasetAsync(parse.GetRequiredValue(path), cancellationToken, async (dataset, backends) =>
        {
            var destination = Resolve(backends, parse.GetRequiredValue(target));
            var result = await dataset.WriteAsync(destination, new DatasetWriteOptions
            {
                Format = parse.GetValue(format),
                PartitionBy = parse.GetValue(partitionBy) ?? [],
            }, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {result.Rows} rows as {result.Format} to {parse.GetRequiredValue(target)} ({result.Files.Count} file(s))"));
            return 0;
        }));
        return command;
    }

    private static async Task<int> WithDatasetAsync(string path, CancellationToken cancellationToken, Func<Dataset, DataBackends, Task<int>> work)
    {
        var host = CliHost.Load();
        using var backends = await host.OpenBackendsAsync(cancellationToken);
        var local = Resolve(backends, path);
        if (!File.Exists(local) && !Directory.Exists(local) && local.IndexOfAny(['*', '?']) < 0)
        {
            throw new UserError(CliErrorCodes.FileNotFound, $"'{path}' does not exist{(path.StartsWith(S3Uri.Scheme, StringComparison.Ordinal) ? " in local storage (" + local + ")" : "")}.");
        }

        using var session = backends.OpenSession();
        try
        {
            return await work(session.Open(Directory.Exists(local) ? FolderGlob(local) : local), backends);
        }
        catch (DatasetException e)
        {
            throw new UserError(CliErrorCodes.InvalidData, e.Message);
        }
    }

    /// <summary>A folder reads as all its data files of the most common data extension (hidden and temporary files aside).</summary>
    private static string FolderGlob(string folder)
    {
        string[] known = [".csv", ".csv.gz", ".json", ".jsonl", ".json.gz", ".jsonl.gz", ".parquet"];
        var extension = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => known.LastOrDefault(k => f.EndsWith(k, StringComparison.OrdinalIgnoreCase)))
            .Where(k => k is not null)
            .GroupBy(k => k!)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault() ?? throw new UserError(CliErrorCodes.InvalidData, $"'{folder}' holds no CSV, JSON Lines or Parquet files.");
        return Path.Combine(folder, "**", "*" + extension);
    }

    private static string Resolve(DataBackends backends, string path)
    {
        try
        {
            return backends.ResolveLocalPath(path);
        }
        catch (StorageException e)
        {
            throw new UserError(CliErrorCodes.InvalidInput, e.Message);
        }
    }
}
