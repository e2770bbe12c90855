using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.Label;

internal static partial class LabelLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "labeling job {Job}: {Total} objects, {Auto} labeled automatically, {Human} for people")]
    public static partial void Planned(ILogger logger, string job, int total, int auto, int human);

    [LoggerMessage(Level = LogLevel.Information, Message = "labeling job {Job} waits for people: {Objects} objects × {Workers} worker(s) each; progress with 'dataprep label show {Job}'")]
    public static partial void Waiting(ILogger logger, string job, int objects, int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "labeling job {Job} {Status}: {Human} labeled by people, {Auto} automatically, {Failed} failed")]
    public static partial void Finished(ILogger logger, string job, string status, int human, int auto, int failed);
}
