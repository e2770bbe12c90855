using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Cli.Labeling;

/// <summary>The CLI codes of the <c>dataprep label</c> commands (DPC040–DPC049).</summary>
internal static class LabelingCliErrors
{
    /// <summary>No labeling job has the name given.</summary>
    public const string JobNotFound = "DPC040";

    /// <summary>The job has ended; it takes no answers and cannot be stopped again.</summary>
    public const string JobNotInProgress = "DPC041";

    /// <summary>The answer does not fit the job (unknown label, several labels for a single-label task).</summary>
    public const string InvalidAnswer = "DPC042";

    /// <summary>No task is available for the worker (or not the object asked for).</summary>
    public const string NoTask = "DPC043";

    /// <summary>Any other labeling problem (the store or output location).</summary>
    public const string LabelingFailed = "DPC044";

    /// <summary>The user error a labeling error becomes, keeping its LBL code in the message.</summary>
    public static UserError From(LabelingException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.Code switch
        {
            LabelingErrorCodes.JobNotFound => JobNotFound,
            LabelingErrorCodes.JobNotInProgress => JobNotInProgress,
            LabelingErrorCodes.InvalidAnswer => InvalidAnswer,
            LabelingErrorCodes.NoClaim => NoTask,
            _ => LabelingFailed,
        };
        return new UserError(code, $"{error.Message} ({error.Code})");
    }
}
