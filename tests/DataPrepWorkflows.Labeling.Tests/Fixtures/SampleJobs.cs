using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Tests.Fixtures;

public static class SampleJobs
{
    public static LabelingJobDefinition Sentiment(string output, int workers = 1, string name = "label-sentiment") => new()
    {
        LabelingJobName = name,
        LabelAttributeName = "mood",
        TaskType = LabelingTaskType.TextClassification,
        Categories = new LabelCategoryConfig(["negative", "positive", "neutral"]),
        OutputPath = output,
        TaskTitle = "Sentiment",
        TaskDescription = "Is the review positive or negative?",
        NumberOfHumanWorkersPerDataObject = workers,
        TaskTimeLimitInSeconds = 60,
        TaskAvailabilityLifetimeInSeconds = 3600,
    };

    public static IReadOnlyList<DataObject> Texts(params string[] texts) =>
        InputManifest.Parse(string.Join('\n', texts.Select((t, i) => $$"""{"source": "{{t}}", "review_id": {{i + 100}}}""")), "input.manifest", LabelingTaskType.TextClassification);
}

/// <summary>A scratch folder deleted after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "labeling-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still being closed; the OS temp cleaner takes it later.
        }
    }
}
