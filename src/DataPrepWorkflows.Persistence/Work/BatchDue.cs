namespace DataPrepWorkflows.Persistence;

/// <summary>How appending to an open batch moves its due time.</summary>
public enum BatchDue
{
    /// <summary>A fixed window: the batch keeps the due time it got with its first event.</summary>
    Window,

    /// <summary>Debounce: every event moves the due time to the one given (the quiet period restarts).</summary>
    Debounce,
}
