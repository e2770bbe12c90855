using System.Text.Json;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// The job runs a job has made, by job run id, in <c>&lt;state&gt;/glue-jobs/&lt;job&gt;/runs/</c>: an activity re-run
/// with the same id (after a crash, or a replay) returns the recorded result instead of running the job again.
/// </summary>
internal sealed class JobRunStore(string jobFolder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string FileOf(string jobRunId) => Path.Combine(jobFolder, "runs", jobRunId + ".json");

    public JobRunResult? Find(string jobRunId)
    {
        var file = FileOf(jobRunId);
        return File.Exists(file) ? JsonSerializer.Deserialize<JobRunResult>(File.ReadAllText(file), Json) : null;
    }

    public void Save(JobRunResult run)
    {
        var file = FileOf(run.JobRunId);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(run, Json));
        File.Move(temporary, file, overwrite: true);
    }
}
