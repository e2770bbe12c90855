namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Receives journal entries as they are written, for live progress displays. Called on the engine's thread; keep it
/// fast and never throw.
/// </summary>
public interface IExecutionObserver
{
    /// <summary>An entry was written to an instance's journal (child workflows included).</summary>
    void OnJournalEntry(JournalEntry entry);
}
