using DataPrepWorkflows.Cli.Console;

namespace DataPrepWorkflows.Cli.Validate;

/// <summary>
/// Expands the files and folders given on the command line into workflow files: every <c>*.json</c> under a folder
/// except the other JSON a workflows folder holds — layout sidecars (<c>*.layout.json</c>), schemas
/// (<c>*.schema.json</c>) and DataBrew recipes (<c>*.recipe.json</c>) — in ordinal order.
/// </summary>
internal static class WorkflowFiles
{
    private static readonly string[] NotWorkflows = [".layout.json", ".schema.json", ".recipe.json"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                    .Where(IsWorkflowFile)
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new UserError(CliErrorCodes.FileNotFound, $"'{path}' is neither a workflow file nor a folder.");
            }
        }

        return files;
    }

    public static bool IsWorkflowFile(string path) =>
        path.EndsWith(".json", StringComparison.Ordinal) && !NotWorkflows.Any(suffix => path.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>The path as the user should see it in diagnostics: relative to the current folder when inside it.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
