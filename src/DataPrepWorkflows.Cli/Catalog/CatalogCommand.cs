using System.CommandLine;
using System.Globalization;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using Spectre.Console;

namespace DataPrepWorkflows.Cli.Catalog;

/// <summary>
/// <c>dataprep catalog databases|tables|show</c>: the local Glue-shaped data catalog. <c>show</c> prints a table exactly
/// as Glue's GetTable returns it (JSON), so it can be compared with the AWS console.
/// </summary>
internal static class CatalogCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("catalog", "Browse the local data catalog (Glue Data Catalog shapes).");
        command.Subcommands.Add(Databases(output));
        command.Subcommands.Add(Tables(output));
        command.Subcommands.Add(Show(output));
        return command;
    }

    private static Command Databases(TextWriter output)
    {
        var command = new Command("databases", "List databases.");
        command.SetAction((_, cancellationToken) => WithCatalogAsync(cancellationToken, async catalog =>
        {
            var table = new Spectre.Console.Table().Border(TableBorder.Rounded).AddColumns("Database", "Description", "Location", "Created");
            foreach (var database in await catalog.GetDatabasesAsync(cancellationToken))
            {
                table.AddRow(Markup.Escape(database.Name), Markup.Escape(database.Description ?? ""), Markup.Escape(database.LocationUri ?? ""), Time(database.CreateTime));
            }

            Terminal.Create(output).Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Tables(TextWriter output)
    {
        var database = new Argument<string>("database") { Description = "Database name." };
        var command = new Command("tables", "List a database's tables with classification, location, columns and partition keys.") { database };
        command.SetAction((parse, cancellationToken) => WithCatalogAsync(cancellationToken, async catalog =>
        {
            var name = parse.GetRequiredValue(database);
            var table = new Spectre.Console.Table().Border(TableBorder.Rounded).AddColumns("Table", "Classification", "Location", "Columns", "Partition keys", "Version", "Updated");
            foreach (var t in await catalog.GetTablesAsync(name, cancellationToken))
            {
                table.AddRow(
                    Markup.Escape(t.Name),
                    Markup.Escape(t.Parameters?.GetValueOrDefault(TableParameters.Classification) ?? ""),
                    Markup.Escape(t.StorageDescriptor?.Location ?? ""),
                    (t.StorageDescriptor?.Columns?.Count ?? 0).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", t.PartitionKeys?.Select(k => $"{k.Name} {k.Type}") ?? [])),
                    Markup.Escape(t.VersionId ?? ""),
                    Time(t.UpdateTime ?? t.CreateTime));
            }

            Terminal.Create(output).Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Show(TextWriter output)
    {
        var name = new Argument<string>("table") { Description = "The table as database.table." };
        var command = new Command("show", "Print a table as Glue's GetTable returns it (JSON).") { name };
        command.SetAction((parse, cancellationToken) => WithCatalogAsync(cancellationToken, async catalog =>
        {
            if (!QualifiedTableName.TryParse(parse.GetRequiredValue(name), out var qualified, out var error))
            {
                throw new UserError(CliErrorCodes.InvalidInput, error);
            }

            var table = await catalog.GetTableAsync(qualified.Database, qualified.Table, cancellationToken);
            await output.WriteLineAsync(GlueJson.Serialize(table, indented: true));
            return 0;
        }));
        return command;
    }

    private static async Task<int> WithCatalogAsync(CancellationToken cancellationToken, Func<ICatalog, Task<int>> work)
    {
        var host = CliHost.Load();
        using var backends = await host.OpenBackendsAsync(cancellationToken);
        try
        {
            return await work(backends.Catalog);
        }
        catch (CatalogException e)
        {
            throw new UserError(CliErrorCodes.CatalogEntityNotFound, e.Message);
        }
    }

    private static string Time(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
}
