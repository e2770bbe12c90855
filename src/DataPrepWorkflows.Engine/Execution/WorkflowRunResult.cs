using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>What an engine call left behind: the instance's status and state, and the journal entries it wrote.</summary>
/// <param name="Status">Finished, Suspended, Faulted or Cancelled.</param>
/// <param name="State">The whole instance state (serialise it to resume later).</param>
/// <param name="Journal">The entries written during this call, child workflows included, in order.</param>
public sealed record WorkflowRunResult(WorkflowStatus Status, WorkflowInstanceState State, IReadOnlyList<JournalEntry> Journal)
{
    /// <summary>The instance id.</summary>
    public string InstanceId => State.InstanceId;

    /// <summary>Workflow outputs when finished (empty otherwise).</summary>
    public JsonObject Outputs => State.Outputs ?? [];

    /// <summary>The error (type, message, activity id) when faulted.</summary>
    public ActivityError? Error => State.Error;

    /// <summary>Pending bookmarks of the instance and its suspended children.</summary>
    public IReadOnlyList<Bookmark> Bookmarks => State.AllBookmarks().ToList();
}
