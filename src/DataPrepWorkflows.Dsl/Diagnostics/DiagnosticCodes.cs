namespace DataPrepWorkflows.Dsl.Diagnostics;

/// <summary>
/// The stable diagnostic codes. A code never changes meaning once published; new checks get new codes.
/// docs/dsl-reference.md shows an example of each.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not valid JSON (position of the first syntax error).</summary>
    public const string MalformedJson = "DPW001";

    /// <summary>A required property is missing or empty (workflow id/version/name/description/activities, activity id/type, trigger type).</summary>
    public const string MissingProperty = "DPW002";

    /// <summary>A known property has the wrong JSON type or shape (for example <c>"version": "3"</c>).</summary>
    public const string WrongPropertyType = "DPW003";

    /// <summary>Two activities in the file share an id.</summary>
    public const string DuplicateActivityId = "DPW004";

    /// <summary>A workflow or activity id is not kebab-case (<c>a-z</c>, <c>0-9</c>, single dashes).</summary>
    public const string InvalidId = "DPW005";

    /// <summary>An activity's <c>type</c> is not a registered action activity.</summary>
    public const string UnknownActivityType = "DPW006";

    /// <summary>An edge names an outcome the activity type does not have.</summary>
    public const string UnknownOutcome = "DPW007";

    /// <summary>An edge points to an activity that is not in the same flowchart.</summary>
    public const string MissingEdgeTarget = "DPW008";

    /// <summary>An activity can never run: no path leads to it from a start activity (warning).</summary>
    public const string UnreachableActivity = "DPW009";

    /// <summary>A required input of the activity type is not set.</summary>
    public const string MissingRequiredInput = "DPW010";

    /// <summary>A literal input value does not have the input's type.</summary>
    public const string WrongInputType = "DPW011";

    /// <summary>The activity type has no input of that name.</summary>
    public const string UnknownInput = "DPW012";

    /// <summary>A literal input value is not one of the input's allowed values.</summary>
    public const string ValueNotAllowed = "DPW013";

    /// <summary>An expression or template is not valid JavaScript.</summary>
    public const string ExpressionSyntax = "DPW014";

    /// <summary>Edges form a cycle; loops are written with a loop activity (ForEach) and its body.</summary>
    public const string Cycle = "DPW015";

    /// <summary>A <c>retry</c> entry is malformed.</summary>
    public const string MalformedRetry = "DPW016";

    /// <summary>A <c>catch</c> entry is malformed.</summary>
    public const string MalformedCatch = "DPW017";

    /// <summary>A <c>catch</c> entry's <c>next</c> is not an activity of the same flowchart.</summary>
    public const string MissingCatchTarget = "DPW018";

    /// <summary>A <c>timeout</c> is not a positive ISO 8601 duration such as <c>PT10M</c>.</summary>
    public const string BadTimeout = "DPW019";

    /// <summary>An activity has a <c>body</c> but its type takes none.</summary>
    public const string UnexpectedBody = "DPW020";

    /// <summary>A trigger's <c>type</c> is not a registered trigger.</summary>
    public const string UnknownTriggerType = "DPW021";

    /// <summary>An object has the same property twice.</summary>
    public const string DuplicateProperty = "DPW022";

    /// <summary>A workflow input or variable declaration is invalid (unknown type, default of the wrong type, bad name).</summary>
    public const string InvalidDeclaration = "DPW023";

    /// <summary>An expression or template is used in an input that does not allow expressions.</summary>
    public const string ExpressionNotAllowed = "DPW024";

    /// <summary>An unknown property in a place where this version knows every property (warning; it is kept as is).</summary>
    public const string UnknownProperty = "DPW025";

    /// <summary>A trigger's event pattern is not valid (EventBridge's reason is quoted).</summary>
    public const string InvalidTriggerPattern = "DPW026";

    /// <summary>A trigger's bucket name breaks the S3 bucket naming rules.</summary>
    public const string InvalidTriggerBucket = "DPW027";

    /// <summary>A trigger sets inputs that exclude each other (the bucket or key filtered twice).</summary>
    public const string ConflictingTriggerInputs = "DPW028";

    /// <summary>A trigger's <c>batch</c> is malformed (window, mode or groupBy).</summary>
    public const string InvalidTriggerBatch = "DPW029";

    /// <summary>A trigger's <c>dedupeWindow</c> is not a duration from 1s to 90d.</summary>
    public const string InvalidDedupeWindow = "DPW030";

    /// <summary>The workflow's <c>concurrency</c> is malformed (limit below 1, unknown behavior).</summary>
    public const string InvalidConcurrency = "DPW031";
}
