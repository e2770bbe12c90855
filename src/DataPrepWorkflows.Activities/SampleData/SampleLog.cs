using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.SampleData;

/// <summary>Log messages of the sample-data activity.</summary>
internal static partial class SampleLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "wrote {Rows} sample rows to {Path}")]
    public static partial void LogSampleWritten(this ILogger logger, int rows, string path);
}
