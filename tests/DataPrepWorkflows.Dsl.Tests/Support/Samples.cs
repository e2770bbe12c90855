namespace DataPrepWorkflows.Dsl.Tests.Support;

/// <summary>Sample workflow files copied next to the test assembly.</summary>
public static class Samples
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, name);

    public static string Read(string folder, string file) => File.ReadAllText(Path.Combine(Folder(folder), file));

    public static IEnumerable<object[]> Files(string folder) =>
        Directory.EnumerateFiles(Folder(folder), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(f => new object[] { f! });
}
