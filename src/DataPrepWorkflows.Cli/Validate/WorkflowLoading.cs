using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Cli.Validate;

/// <summary>Reads and validates a workflow file before a command uses it; errors are printed compiler-style.</summary>
internal static class WorkflowLoading
{
    public static async Task<WorkflowDefinition> LoadForRunAsync(FileInfo file, CliHost host, TextWriter error)
    {
        if (!file.Exists)
        {
            throw new UserError(CliErrorCodes.FileNotFound, $"workflow file '{file.FullName}' does not exist.");
        }

        var result = new WorkflowValidator(host.Registry, host.Expressions).ValidateFile(file.FullName);
        var display = WorkflowFiles.Display(file.FullName);
        foreach (var diagnostic in result.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.ToString(display));
        }

        if (result.Definition is null || result.Diagnostics.Any(d => d.IsError))
        {
            throw new UserError(CliErrorCodes.InvalidWorkflow, $"{display} has errors (listed above); fix them and run again.");
        }

        return result.Definition;
    }
}
