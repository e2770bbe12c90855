namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Names used in Elsa JSON: the members every Elsa activity has, and our <c>dataprep:</c> keys in
/// <c>customProperties</c> that carry what Elsa cannot express, so that ours → Elsa → ours loses nothing.
/// </summary>
internal static class ElsaKeys
{
    /// <summary>Members of every Elsa activity object; an input of ours with one of these names is written as <c>dataprep:&lt;name&gt;</c>.</summary>
    public static readonly string[] ActivityMembers = ["id", "nodeId", "name", "type", "version", "customProperties", "metadata"];

    /// <summary>Marks a definition written by our exporter.</summary>
    public const string ExportedBy = "dataprep:exportedBy";

    /// <summary>Properties of ours with no Elsa place (workflow, activity or trigger), as written in our file.</summary>
    public const string Unknown = "dataprep:unknown";

    /// <summary>Values (inputs, declarations) whose Elsa form would not read back exactly: name → our JSON.</summary>
    public const string Inputs = "dataprep:inputs";

    /// <summary>Variable declarations whose Elsa form would not read back exactly: name → our JSON.</summary>
    public const string Variables = "dataprep:variables";

    /// <summary>Workflow output values: name → value (Elsa outputs are set by activities, not declared with a value).</summary>
    public const string Outputs = "dataprep:outputs";

    /// <summary>An activity's <c>timeout</c>.</summary>
    public const string Timeout = "dataprep:timeout";

    /// <summary>An activity's <c>retry</c> array.</summary>
    public const string Retry = "dataprep:retry";

    /// <summary>An activity's <c>catch</c> array.</summary>
    public const string Catch = "dataprep:catch";

    /// <summary>On a trigger node: <c>{"id": our trigger id or null}</c>.</summary>
    public const string Trigger = "dataprep:trigger";

    /// <summary>Prefix of our keys.</summary>
    public const string Prefix = "dataprep:";

    /// <summary>Elsa's storage driver for workflow variables and inputs.</summary>
    public const string WorkflowStorageDriver = "Elsa.Workflows.Services.WorkflowStorageDriver, Elsa.Workflows.Core";
}
