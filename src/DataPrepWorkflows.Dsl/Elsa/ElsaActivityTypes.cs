namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Which Elsa 3 activity type each of our types becomes, and the input names that differ. Control activities map to
/// Elsa's flowchart built-ins with the same meaning and the same ports; every other type is written as
/// <c>DataPrepWorkflows.&lt;Type&gt;</c>. docs/elsa3-interop.md shows the table.
/// </summary>
internal static class ElsaActivityTypes
{
    /// <summary>Namespace of our own activity types in Elsa JSON.</summary>
    public const string Namespace = "DataPrepWorkflows.";

    private static readonly (string Ours, string Elsa, (string Ours, string Elsa)[] Inputs)[] BuiltIns =
    [
        ("If", "Elsa.FlowDecision", []),
        ("Switch", "Elsa.FlowSwitch", []),
        ("ForEach", "Elsa.ForEach", []),
        ("Fork", "Elsa.FlowFork", []),
        ("Join", "Elsa.FlowJoin", []),
        ("Delay", "Elsa.Delay", [("duration", "timeSpan")]),
        ("SetVariable", "Elsa.SetVariable", [("name", "variable")]),
        ("Log", "Elsa.WriteLine", [("message", "text")]),
        ("Fail", "Elsa.Fault", [("error", "code"), ("cause", "message")]),
        ("Finish", "Elsa.Finish", []),
        ("RunWorkflow", "Elsa.ExecuteWorkflow", [("workflow", "workflowDefinitionId"), ("inputs", "input")]),
    ];

    /// <summary>Elsa types read as one of ours although we never write them.</summary>
    private static readonly Dictionary<string, string> ImportAliases = new(StringComparer.Ordinal)
    {
        ["Elsa.If"] = "If",
        ["Elsa.Switch"] = "Switch",
        ["Elsa.Fork"] = "Fork",
        ["Elsa.Join"] = "Join",
        ["Elsa.End"] = "Finish",
        ["Elsa.Complete"] = "Finish",
        ["Elsa.ParallelForEach"] = "ForEach",
        ["Elsa.DispatchWorkflow"] = "RunWorkflow",
    };

    /// <summary>The Elsa type name of one of our types.</summary>
    public static string ToElsa(string ours) =>
        BuiltIns.FirstOrDefault(b => b.Ours == ours).Elsa ?? Namespace + ours;

    /// <summary>Our type for an Elsa type name, or <c>null</c> when there is none.</summary>
    public static string? FromElsa(string elsa)
    {
        if (elsa.StartsWith(Namespace, StringComparison.Ordinal) && elsa.Length > Namespace.Length)
        {
            return elsa[Namespace.Length..];
        }

        return BuiltIns.FirstOrDefault(b => b.Elsa == elsa).Ours ?? ImportAliases.GetValueOrDefault(elsa);
    }

    /// <summary>The Elsa property name of one of our inputs.</summary>
    public static string InputToElsa(string ourType, string input) =>
        BuiltIns.FirstOrDefault(b => b.Ours == ourType).Inputs?.FirstOrDefault(i => i.Ours == input).Elsa ?? input;

    /// <summary>Our input name of an Elsa property.</summary>
    public static string InputFromElsa(string ourType, string property) =>
        BuiltIns.FirstOrDefault(b => b.Ours == ourType).Inputs?.FirstOrDefault(i => i.Elsa == property).Ours ?? property;
}
