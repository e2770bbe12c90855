namespace DataPrepWorkflows.Engine.Execution;

/// <summary>Where a workflow instance stands after an engine call.</summary>
public enum WorkflowStatus
{
    /// <summary>Executing (only seen while a call is in progress).</summary>
    Running,

    /// <summary>Waiting on bookmarks, durable timers or child workflows; resume it later, possibly in another process.</summary>
    Suspended,

    /// <summary>Completed successfully; outputs are set.</summary>
    Finished,

    /// <summary>An error reached the instance without a matching <c>catch</c>; the error is recorded.</summary>
    Faulted,

    /// <summary>Cancelled by the host.</summary>
    Cancelled,
}

/// <summary>Where one activity stands in its scope.</summary>
public enum ActivityStatus
{
    /// <summary>Waiting for more incoming branches (a join).</summary>
    Pending,

    /// <summary>In the work queue.</summary>
    Scheduled,

    /// <summary>Executing, or waiting for its children (ForEach bodies, child workflows).</summary>
    Running,

    /// <summary>Waiting on one of its bookmarks.</summary>
    Suspended,

    /// <summary>Faulted and waiting for a durable retry timer.</summary>
    Retrying,

    /// <summary>Completed with its outcome(s).</summary>
    Completed,

    /// <summary>Faulted after its retries; a <c>catch</c> may have routed the flow on.</summary>
    Faulted,

    /// <summary>Not run: no incoming branch was taken.</summary>
    Skipped,

    /// <summary>Stopped because the instance or its scope was cancelled, finished or faulted.</summary>
    Cancelled,
}
