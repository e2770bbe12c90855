namespace DataPrepWorkflows.Cli.Watch;

/// <summary>The stable error codes of <c>dataprep watch</c> and <c>dataprep events put</c> (DPC050–DPC059).</summary>
internal static class WatchErrorCodes
{
    /// <summary>A workflow in the folder has validation errors, so it cannot be published.</summary>
    public const string InvalidWorkflow = "DPC050";

    /// <summary>The embedded runtime store cannot be opened.</summary>
    public const string StoreUnavailable = "DPC051";

    /// <summary>The workflows folder does not exist.</summary>
    public const string WorkflowsFolderNotFound = "DPC052";

    /// <summary>The <c>--event</c> text is not an EventBridge event, a JSON array of them, or JSON Lines of them.</summary>
    public const string InvalidEvent = "DPC053";

    /// <summary>The <c>--event</c> file does not exist.</summary>
    public const string EventFileNotFound = "DPC054";

    /// <summary>Two workflow files in the folder have the same id.</summary>
    public const string DuplicateWorkflowId = "DPC055";
}
