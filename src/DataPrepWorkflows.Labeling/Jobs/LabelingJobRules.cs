using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>Ground Truth's validation of a labeling job (the <c>CreateLabelingJob</c> constraints).</summary>
public static partial class LabelingJobRules
{
    /// <summary>Checks every field and returns all problems (empty when the job is valid).</summary>
    public static IReadOnlyList<LabelingDiagnostic> Validate(LabelingJobDefinition job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var problems = new List<LabelingDiagnostic>();
        CheckJobName(job.LabelingJobName, problems);
        CheckLabelAttributeName(job.LabelAttributeName, problems);
        CheckCategories(job, problems);
        CheckHumanTask(job, problems);
        if (string.IsNullOrWhiteSpace(job.OutputPath))
        {
            problems.Add(new(LabelingErrorCodes.InvalidLocation, "OutputConfig.S3OutputPath", "is empty; give the folder (s3:// URI or path) for the job's output."));
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <exception cref="LabelingException">The job is invalid.</exception>
    public static void EnsureValid(LabelingJobDefinition job)
    {
        var problems = Validate(job);
        if (problems.Count > 0)
        {
            throw new LabelingException(problems);
        }
    }

    private static void CheckJobName(string name, List<LabelingDiagnostic> problems)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 63 || !JobNamePattern().IsMatch(name))
        {
            problems.Add(new(LabelingErrorCodes.InvalidJobName, "LabelingJobName",
                $"'{name}' is not a valid name: use 1–63 letters, digits and hyphens, starting and ending with a letter or digit (pattern [a-zA-Z0-9](-*[a-zA-Z0-9]){{0,62}})."));
        }
    }

    private static void CheckLabelAttributeName(string name, List<LabelingDiagnostic> problems)
    {
        const string Field = "LabelAttributeName";
        if (string.IsNullOrEmpty(name) || name.Length > 127 || !AttributePattern().IsMatch(name))
        {
            problems.Add(new(LabelingErrorCodes.InvalidLabelAttributeName, Field,
                $"'{name}' is not a valid name: use 1–127 letters, digits and hyphens, starting and ending with a letter or digit (pattern [a-zA-Z0-9](-*[a-zA-Z0-9]){{0,126}})."));
        }
        else if (name.EndsWith("-metadata", StringComparison.Ordinal))
        {
            problems.Add(new(LabelingErrorCodes.InvalidLabelAttributeName, Field,
                $"'{name}' ends with '-metadata', which Ground Truth reserves for the label's metadata key; choose another name."));
        }
        else if (name.EndsWith("-ref", StringComparison.Ordinal))
        {
            problems.Add(new(LabelingErrorCodes.InvalidLabelAttributeName, Field,
                $"'{name}' ends with '-ref', which Ground Truth requires only for semantic segmentation, video frame and 3D point cloud jobs; classification and bounding box jobs must not use it."));
        }
    }

    private static void CheckCategories(LabelingJobDefinition job, List<LabelingDiagnostic> problems)
    {
        var count = job.Categories.Labels.Count;
        var minimum = job.TaskType == LabelingTaskType.BoundingBox ? 1 : 2;
        if (count < minimum)
        {
            problems.Add(new(LabelingErrorCodes.InvalidLabelCategoryConfig, "LabelCategoryConfig.labels",
                $"has {count} label(s); {job.TaskType} needs at least {minimum}."));
        }

        if (job.TaskType == LabelingTaskType.BoundingBox && count > 10)
        {
            problems.Add(new(LabelingErrorCodes.InvalidLabelCategoryConfig, "LabelCategoryConfig.labels",
                $"has {count} labels; Ground Truth allows at most 10 for bounding box jobs."));
        }
    }

    private static void CheckHumanTask(LabelingJobDefinition job, List<LabelingDiagnostic> problems)
    {
        if (job.NumberOfHumanWorkersPerDataObject is < 1 or > 9)
        {
            problems.Add(new(LabelingErrorCodes.InvalidHumanTaskConfig, "HumanTaskConfig.NumberOfHumanWorkersPerDataObject",
                $"is {job.NumberOfHumanWorkersPerDataObject}; it must be between 1 and 9."));
        }

        if (job.TaskTimeLimitInSeconds < 30)
        {
            problems.Add(new(LabelingErrorCodes.InvalidHumanTaskConfig, "HumanTaskConfig.TaskTimeLimitInSeconds",
                $"is {job.TaskTimeLimitInSeconds}; it must be at least 30 seconds."));
        }

        if (job.TaskAvailabilityLifetimeInSeconds < 60)
        {
            problems.Add(new(LabelingErrorCodes.InvalidHumanTaskConfig, "HumanTaskConfig.TaskAvailabilityLifetimeInSeconds",
                $"is {job.TaskAvailabilityLifetimeInSeconds}; it must be at least 60 seconds."));
        }

        if (job.TaskTitle is { } title && (title.Length is 0 or > 128))
        {
            problems.Add(new(LabelingErrorCodes.InvalidHumanTaskConfig, "HumanTaskConfig.TaskTitle", $"is {title.Length} characters; it must be 1–128."));
        }

        if (job.TaskDescription is { } description && (description.Length is 0 or > 255))
        {
            problems.Add(new(LabelingErrorCodes.InvalidHumanTaskConfig, "HumanTaskConfig.TaskDescription", $"is {description.Length} characters; it must be 1–255."));
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex JobNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,126}$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();
}
