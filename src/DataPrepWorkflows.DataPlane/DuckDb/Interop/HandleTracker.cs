namespace DataPrepWorkflows.DataPlane.DuckDb.Interop;

/// <summary>
/// Counts the native handles (connections, statements, appenders, results, chunks) alive under one database, so
/// leaks are observable per database rather than through process-wide state.
/// </summary>
internal sealed class HandleTracker
{
    private long _live;

    public long Live => Interlocked.Read(ref _live);

    public void Opened() => Interlocked.Increment(ref _live);

    public void Released() => Interlocked.Decrement(ref _live);
}
