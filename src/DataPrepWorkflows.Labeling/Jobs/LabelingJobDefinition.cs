namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>
/// A labeling job as <c>CreateLabelingJob</c> describes it, with the fields a local job uses. Check it with
/// <see cref="LabelingJobRules.Validate"/> before creating the job.
/// </summary>
public sealed record LabelingJobDefinition
{
    /// <summary>
    /// <c>LabelingJobName</c>: 1–63 letters, digits and hyphens, starting and ending with a letter or digit; unique
    /// case-insensitively.
    /// </summary>
    public required string LabelingJobName { get; init; }

    /// <summary>
    /// <c>LabelAttributeName</c>: the output manifest key of the label; 1–127 letters, digits and hyphens, not ending
    /// with <c>-metadata</c>, and (for the supported task types) not ending with <c>-ref</c>.
    /// </summary>
    public required string LabelAttributeName { get; init; }

    /// <summary>The task type.</summary>
    public required LabelingTaskType TaskType { get; init; }

    /// <summary>The label categories.</summary>
    public required LabelCategoryConfig Categories { get; init; }

    /// <summary><c>OutputConfig.S3OutputPath</c>: the folder (s3:// URI or local path) under which <c>&lt;job-name&gt;/</c> is written.</summary>
    public required string OutputPath { get; init; }

    /// <summary><c>HumanTaskConfig.TaskTitle</c> (1–128 characters). <value>Defaults to the job name.</value></summary>
    public string? TaskTitle { get; init; }

    /// <summary><c>HumanTaskConfig.TaskDescription</c> (1–255 characters).</summary>
    public string? TaskDescription { get; init; }

    /// <summary>Instructions shown to workers with each task (plain text).</summary>
    public string? Instructions { get; init; }

    /// <summary><c>NumberOfHumanWorkersPerDataObject</c> (1–9). <value>1</value></summary>
    public int NumberOfHumanWorkersPerDataObject { get; init; } = 1;

    /// <summary><c>TaskTimeLimitInSeconds</c> (at least 30): how long a worker's claim on a task lasts. <value>300</value></summary>
    public int TaskTimeLimitInSeconds { get; init; } = 300;

    /// <summary>
    /// <c>TaskAvailabilityLifetimeInSeconds</c> (at least 60): how long the job offers tasks; when it elapses the job
    /// completes and unlabeled objects count as failed. <value>864000 (10 days)</value>
    /// </summary>
    public int TaskAvailabilityLifetimeInSeconds { get; init; } = 864_000;
}
