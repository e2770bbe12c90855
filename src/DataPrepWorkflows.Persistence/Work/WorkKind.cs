namespace DataPrepWorkflows.Persistence;

/// <summary>What a work item asks the runtime to do to its instance.</summary>
public enum WorkKind
{
    /// <summary>Start the instance (payload: the start request; a batch start carries the batched events).</summary>
    Start,

    /// <summary>Resume a bookmark (payload: the resume input).</summary>
    Resume,

    /// <summary>Fire the instance's durable timers that are due.</summary>
    Timers,

    /// <summary>Cancel the instance.</summary>
    Cancel,

    /// <summary>Retry the instance from the activity that faulted it.</summary>
    Retry,
}
