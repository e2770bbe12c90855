using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.Clean;

/// <summary>The Clean activity's journal messages.</summary>
internal static partial class CleanLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Step {Step} {Operation}: {Rows} rows, {Columns} columns, {Filled} values filled")]
    public static partial void Step(ILogger logger, int step, string operation, long rows, int columns, long filled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recipe wrote {Rows} rows to {Output}: {Removed} rows removed, {Filled} values filled, columns added [{Added}], removed [{Dropped}]")]
    public static partial void Done(ILogger logger, long rows, string output, long removed, long filled, string added, string dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recipe rejected: {Diagnostic}")]
    public static partial void Rejected(ILogger logger, string diagnostic);
}
