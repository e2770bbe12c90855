namespace DataPrepWorkflows.Events.Triggers;

/// <summary>What is wrong with an event trigger's inputs; the DSL validator gives each kind a stable code.</summary>
public enum TriggerProblemKind
{
    /// <summary>
    /// A required input is missing or has the wrong JSON type; the generic input checks of the DSL validator already
    /// report these, so it does not report them twice.
    /// </summary>
    InvalidInput,

    /// <summary>The event pattern is not valid (EventBridge's own reason).</summary>
    InvalidPattern,

    /// <summary>The bucket name breaks the S3 naming rules.</summary>
    InvalidBucketName,

    /// <summary>Inputs that exclude each other are both set, or a needed one of a pair is missing.</summary>
    ConflictingInputs,

    /// <summary>The <c>batch</c> object is malformed (window, mode or groupBy).</summary>
    InvalidBatch,

    /// <summary>The <c>dedupeWindow</c> is not a positive duration within the allowed range.</summary>
    InvalidDedupeWindow,
}

/// <summary>One problem in an event trigger.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Input">The input at fault as a JSON pointer relative to the trigger (<c>bucket</c>, <c>batch/window</c>), or <c>""</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record TriggerProblem(TriggerProblemKind Kind, string Input, string Message);
