namespace DataPrepWorkflows.Dqdl.Rules;

/// <summary>
/// A parameter of a rule or analyzer, e.g. the column of <c>Completeness "col-A"</c>, kept as written so printing
/// reproduces it: quoted or bare, with its connector word (<c>of</c>/<c>and</c>) or as a <c>$variable</c>.
/// </summary>
/// <param name="Name">The catalog name of the parameter this value fills, e.g. <c>TargetColumn</c>.</param>
/// <param name="Value">
/// The value: the text between the quotes as written (escapes are not processed, as in AWS Glue), the bare word, or
/// the resolved value of the variable.
/// </param>
/// <param name="IsQuoted">Whether the value was written in double quotes.</param>
/// <param name="ConnectorWord">The connector word written before it (<c>of</c>, <c>and</c>…), if any.</param>
/// <param name="VariableName">The variable name when written as <c>$name</c>.</param>
/// <param name="Position">Where the parameter starts.</param>
public sealed record DqRuleParameter(
    string Name,
    string Value,
    bool IsQuoted,
    string? ConnectorWord,
    string? VariableName,
    SourcePosition Position);
