namespace DataPrepWorkflows.Dqdl.Catalog;

/// <summary>One parameter of a rule type, as listed in the rule-type catalog.</summary>
/// <param name="Name">The parameter's name, e.g. <c>TargetColumn</c>; parsed rules key their parameters by it.</param>
/// <param name="Type">The parameter's type name; every DQDL parameter is a <c>String</c> today.</param>
/// <param name="Description">What the parameter means, for <c>dataprep describe</c> and the designer.</param>
/// <param name="IsVarArg">
/// Whether the parameter takes one or more values (only ever the last parameter), e.g. <c>IsPrimaryKey "a" "b"</c>.
/// </param>
public sealed record RuleParameterDescriptor(string Name, string Type, string Description, bool IsVarArg);
