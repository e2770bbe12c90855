using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// The logger an activity sees: records go to the host's logger at once and are kept so the run writes them to the
/// journal when the step ends (in step order, whatever thread the activity logged from).
/// </summary>
internal sealed class JournalLogger(ILogger inner) : ILogger
{
    public List<(LogLevel Level, string Message)> Records { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (logLevel == LogLevel.None)
        {
            return;
        }

        var message = formatter(state, exception);
        lock (Records)
        {
            Records.Add((logLevel, message));
        }

        if (inner.IsEnabled(logLevel))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
