using DataPrepWorkflows.Engine.Activities;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>Writes a message to the log and the journal.</summary>
[Activity("Log", Category = "Control", Description = "Writes a message to the log and the instance journal.")]
public sealed partial class Log : CodeActivity
{
    /// <summary>The message (templates such as <c>"rows: ${activities.load.output.rows}"</c> work).</summary>
    [Input(Description = "The message; ${…} parts are replaced.", Required = true)]
    public string Message { get; set; } = "";

    /// <summary>The level.</summary>
    [Input(Description = "Trace, Debug, Information, Warning or Error.", DefaultJson = "\"Information\"")]
    public LogLevel Level { get; set; } = LogLevel.Information;

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Write(context.Logger, Level, Message);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Message = "{Message}")]
    private static partial void Write(ILogger logger, LogLevel level, string message);
}
