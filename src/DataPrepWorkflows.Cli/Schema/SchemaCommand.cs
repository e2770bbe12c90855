using System.CommandLine;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Dsl.Schema;

namespace DataPrepWorkflows.Cli.Schema;

/// <summary>
/// <c>dataprep schema [--output path]</c>: writes the JSON Schema of the workflow format, generated from the registered
/// activity descriptors, to <c>workflows/workflow.schema.json</c> (or <c>-</c> for standard output).
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter output)
    {
        var path = new Option<string>("--output", "-o")
        {
            Description = "Where to write the schema ('-' for standard output).",
            DefaultValueFactory = _ => Path.Combine("workflows", "workflow.schema.json"),
        };
        var command = new Command("schema", "Write the workflow JSON Schema generated from the activity descriptors.") { path };
        command.SetAction(async (parse, _) =>
        {
            var host = CliHost.Load();
            var schema = WorkflowSchemaGenerator.Generate(host.Registry);
            var target = parse.GetValue(path)!;
            if (target == "-")
            {
                await output.WriteAsync(schema);
                return 0;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            var temporary = target + ".tmp";
            await File.WriteAllTextAsync(temporary, schema);
            File.Move(temporary, target, overwrite: true);
            await output.WriteLineAsync($"wrote {WorkflowFiles.Display(Path.GetFullPath(target))}");
            return 0;
        });
        return command;
    }
}
