using System.CommandLine;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using Spectre.Console;

namespace DataPrepWorkflows.Cli.Catalogue;

/// <summary><c>dataprep activities</c>: the activity palette — every registered type with its category and outcomes.</summary>
internal static class ActivitiesCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("activities", "List the activity types this installation knows (built-in and plugins).");
        command.SetAction(_ =>
        {
            var host = CliHost.Load();
            var console = Terminal.Create(output);
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumns("Type", "Category", "Kind", "Outcomes", "Description");
            foreach (var d in host.Registry.Descriptors)
            {
                var outcomes = d.DynamicOutcomes ? "(from the workflow)" : string.Join(", ", d.Outcomes);
                table.AddRow(Markup.Escape(d.TypeName), Markup.Escape(d.Category), d.Kind.ToString(), Markup.Escape(outcomes), Markup.Escape(d.Description));
            }

            console.Write(table);
            return 0;
        });
        return command;
    }
}
