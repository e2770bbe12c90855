namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>One problem with a labeling job's inputs: a stable code, the field or manifest line, and what to do.</summary>
/// <param name="Code">One of <see cref="LabelingErrorCodes"/>.</param>
/// <param name="Field">The field (<c>LabelAttributeName</c>) or place (<c>input.manifest:12</c>) at fault.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record LabelingDiagnostic(string Code, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} {Field}: {Message}";
}

/// <summary>The stable codes of labeling errors a user can cause (also the Label activity's fault names).</summary>
public static class LabelingErrorCodes
{
    /// <summary>The labeling job name breaks Ground Truth's rules.</summary>
    public const string InvalidJobName = "LBL001";

    /// <summary>The label attribute name breaks Ground Truth's rules.</summary>
    public const string InvalidLabelAttributeName = "LBL002";

    /// <summary>The label category configuration is malformed (version, labels, duplicates, counts).</summary>
    public const string InvalidLabelCategoryConfig = "LBL003";

    /// <summary>A manifest line is not a valid Ground Truth input object.</summary>
    public const string InvalidManifestLine = "LBL004";

    /// <summary>The task type is unknown.</summary>
    public const string InvalidTaskType = "LBL005";

    /// <summary>A human task setting is out of range (workers per object, time limits, title, description).</summary>
    public const string InvalidHumanTaskConfig = "LBL006";

    /// <summary>The automated-labeling settings are invalid (threshold, rules, prediction keys).</summary>
    public const string InvalidAutoLabeling = "LBL007";

    /// <summary>No labeling job has that name.</summary>
    public const string JobNotFound = "LBL008";

    /// <summary>A labeling job with that name (case-insensitively) already exists.</summary>
    public const string JobExists = "LBL009";

    /// <summary>A worker's answer does not fit the job (unknown label, several labels for a single-label task, bad box).</summary>
    public const string InvalidAnswer = "LBL010";

    /// <summary>The job is no longer in progress (completed or stopped).</summary>
    public const string JobNotInProgress = "LBL011";

    /// <summary>The worker holds no current claim on that object (never claimed, expired or already answered).</summary>
    public const string NoClaim = "LBL012";

    /// <summary>The manifest or label category file cannot be read, or the output path is invalid.</summary>
    public const string InvalidLocation = "LBL013";
}
