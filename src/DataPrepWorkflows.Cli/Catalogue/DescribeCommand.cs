using System.CommandLine;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Dsl.Schema;

namespace DataPrepWorkflows.Cli.Catalogue;

/// <summary><c>dataprep describe &lt;type&gt;</c>: one activity type's descriptor as JSON (what the designer and validator read).</summary>
internal static class DescribeCommand
{
    public static Command Create(TextWriter output)
    {
        var type = new Argument<string>("type") { Description = "Activity type name, for example ForEach." };
        var command = new Command("describe", "Print an activity type's descriptor (inputs, outputs, outcomes) as JSON.") { type };
        command.SetAction(async (parse, _) =>
        {
            var host = CliHost.Load();
            var name = parse.GetRequiredValue(type);
            var descriptor = host.Registry.Find(name) ?? throw new UserError(
                CliErrorCodes.UnknownActivityType,
                $"no activity type '{name}' (names are case-sensitive); run 'dataprep activities' for the list.");
            await output.WriteLineAsync(DescriptorJson.Write(descriptor));
            return 0;
        });
        return command;
    }
}
