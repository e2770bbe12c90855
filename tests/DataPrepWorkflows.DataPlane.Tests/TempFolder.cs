using System.Text;

namespace DataPrepWorkflows.DataPlane.Tests;

/// <summary>A folder under the system temp folder, deleted with the test.</summary>
internal sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dataplane-tests-");

    public string Root => _folder.FullName;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content, Encoding? encoding = null)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
