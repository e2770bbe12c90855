namespace DataPrepWorkflows.Scheduling.Tests.Testing;

/// <summary>A SQLite file in a fresh temporary folder, deleted with the folder.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dpw-schedule-").FullName;

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "schedule.db")};Pooling=False";

    public string FilePath => Path.Combine(_folder, "schedule.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A scheduler thread may still hold the file for a moment; the OS temp cleaner removes it later.
        }
    }
}
