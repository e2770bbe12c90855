namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Stable codes of problems found while importing Elsa 3 JSON (DPW040–DPW049); docs/elsa3-interop.md shows each.
/// Syntax errors in the file are DPW001 and duplicate properties DPW022, as for workflow files.
/// </summary>
public static class ElsaDiagnosticCodes
{
    /// <summary>An activity type with no DataPrepWorkflows equivalent (error; the node is kept with the Elsa type name).</summary>
    public const string UnknownElsaActivity = "DPW040";

    /// <summary>The JSON is not a <c>WorkflowDefinitionModel</c> (no <c>root</c> activity object).</summary>
    public const string NotAWorkflowDefinition = "DPW041";

    /// <summary>The root (or a ForEach body) is neither <c>Elsa.Flowchart</c> nor <c>Elsa.Sequence</c>.</summary>
    public const string UnsupportedContainer = "DPW042";

    /// <summary>A connection names an activity that is not in its flowchart (warning; the connection is dropped).</summary>
    public const string DanglingConnection = "DPW043";

    /// <summary>An activity output bound to a variable, or a workflow output with no value (warning; read it with an expression instead).</summary>
    public const string OutputBinding = "DPW044";

    /// <summary>An expression in a syntax other than JavaScript, Literal or Object (C#, Liquid, Python) (error).</summary>
    public const string UnsupportedExpression = "DPW045";

    /// <summary>A JavaScript expression used Elsa's functions (<c>getVariable</c>, <c>getInput</c>, <c>getX()</c>) and was rewritten (warning; review it).</summary>
    public const string ElsaScriptFunctions = "DPW046";

    /// <summary>A workflow-as-activity node became a <c>RunWorkflow</c> activity (warning; check the child workflow id).</summary>
    public const string WorkflowAsActivity = "DPW047";

    /// <summary>An Elsa property with no DataPrepWorkflows equivalent was dropped (warning), such as <c>If.then</c>.</summary>
    public const string DroppedProperty = "DPW048";
}
