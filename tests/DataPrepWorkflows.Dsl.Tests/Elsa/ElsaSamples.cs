using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Tests.Elsa;

/// <summary>Workflow files of the repository and of this folder, read from the source tree.</summary>
public static class ElsaSamples
{
    public static ActivityRegistry Registry { get; } = ActivityRegistry.WithBuiltIns();

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));

    /// <summary>Every workflow under workflows/ (not schemas, layouts or recipes) and under this folder's Workflows/.</summary>
    public static IEnumerable<object[]> Workflows() =>
        new[] { "workflows", "tests/DataPrepWorkflows.Dsl.Tests/Elsa/Workflows" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot, folder), "*.json")
                .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal) && !f.EndsWith(".layout.json", StringComparison.Ordinal) && !f.EndsWith(".recipe.json", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(RepositoryRoot, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { f });

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DataPrepWorkflows.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with DataPrepWorkflows.sln) is not above the test assembly.");
    }
}
