using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Cli.EventsDeploy;

/// <summary>
/// Reads the workflow files under <c>--workflows</c> (the same files <c>validate</c> reads) for their triggers. Only the
/// file's shape matters here: activity types are not resolved, so a folder deploys without its plugins installed.
/// </summary>
internal static class TriggerWorkflows
{
    public static async Task<IReadOnlyList<(string Source, WorkflowDefinition Workflow)>> ReadAsync(string path, TextWriter error)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new UserError(EventsDeployErrorCodes.WorkflowsNotFound, $"--workflows: '{path}' is neither a folder nor a workflow file.");
        }

        var workflows = new List<(string, WorkflowDefinition)>();
        var broken = 0;
        foreach (var file in WorkflowFiles.Expand([path]))
        {
            var display = WorkflowFiles.Display(file);
            var result = WorkflowFile.ReadFile(file);
            foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError))
            {
                await error.WriteLineAsync(diagnostic.ToString(display));
            }

            if (result.Definition is null || result.HasErrors)
            {
                broken++;
                continue;
            }

            workflows.Add((display, result.Definition));
        }

        return broken == 0
            ? workflows
            : throw new UserError(EventsDeployErrorCodes.InvalidWorkflowFile, $"{broken} workflow file(s) have errors (listed above); fix them and deploy again.");
    }
}
