using DataPrepWorkflows.Dqdl.Conditions;

namespace DataPrepWorkflows.Dqdl.Syntax;

// The parser's output: the text's structure before the rule-type catalog gives it meaning. Conditions stay untyped
// here because which condition family a rule takes depends on its rule type (the grammar cannot tell).

internal sealed record SyntaxDocument(
    SyntaxDictionary? Metadata,
    SyntaxDictionary? DataSources,
    IReadOnlyList<SyntaxVariable> Variables,
    IReadOnlyList<SyntaxLabel>? DefaultLabels,
    IReadOnlyList<SyntaxRuleNode>? Rules,
    IReadOnlyList<SyntaxAnalyzer>? Analyzers,
    SourcePosition RulesPosition);

internal sealed record SyntaxDictionary(IReadOnlyList<SyntaxPair> Pairs, SourcePosition Position);

internal sealed record SyntaxPair(string Key, string? Value, IReadOnlyList<string>? Items, SourcePosition Position);

internal sealed record SyntaxVariable(string Name, IReadOnlyList<RawOperand> Values, bool IsList, SourcePosition Position);

internal sealed record SyntaxLabel(string Key, string Value, SourcePosition Position);

internal abstract record SyntaxRuleNode(SourcePosition Position)
{
    public IReadOnlyList<SyntaxLabel>? Labels { get; init; }
}

internal sealed record SyntaxRule(
    string RuleType,
    IReadOnlyList<SyntaxParameter> Parameters,
    RawCondition? Condition,
    SyntaxWhere? Where,
    IReadOnlyList<SyntaxTag> Tags,
    SourcePosition Position) : SyntaxRuleNode(Position);

internal sealed record SyntaxComposite(
    Rules.DqLogicalOperator Operator,
    SyntaxRuleNode Left,
    SyntaxRuleNode Right,
    SourcePosition Position) : SyntaxRuleNode(Position);

internal sealed record SyntaxAnalyzer(string AnalyzerType, IReadOnlyList<SyntaxParameter> Parameters, SourcePosition Position);

internal sealed record SyntaxParameter(string Text, bool IsQuoted, bool IsVariable, string? ConnectorWord, SourcePosition Position);

internal sealed record SyntaxWhere(string Raw, SourcePosition Position);

internal sealed record SyntaxTag(string Name, bool IsNameQuoted, RawCondition Condition, SourcePosition Position);

internal enum RawOperator
{
    Between,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Equal,
    In,
    Matches,
}

/// <summary>
/// A condition as written: the operator, whether it was negated (<c>not</c> / <c>!</c>), and its operands. For
/// <c>in $list</c> the single operand is the variable and <see cref="IsBareVariableList"/> is set.
/// </summary>
internal sealed record RawCondition(
    RawOperator Operator,
    bool Negated,
    IReadOnlyList<RawOperand> Operands,
    bool IsBareVariableList,
    SourcePosition Position);

internal abstract record RawOperand(SourcePosition Position);

internal sealed record RawNumber(NumericOperand Value, SourcePosition Position) : RawOperand(Position);

internal sealed record RawString(string Raw, SourcePosition Position) : RawOperand(Position);

internal sealed record RawDate(string Text, SourcePosition Position) : RawOperand(Position);

internal sealed record RawTime(string Text, bool IsMilitary, SourcePosition Position) : RawOperand(Position);

internal sealed record RawKeyword(StringKeyword Keyword, SourcePosition Position) : RawOperand(Position);

internal sealed record RawNow(SourcePosition Position) : RawOperand(Position);

internal sealed record RawRelativeDate(char Operator, DqDuration Offset, SourcePosition Position) : RawOperand(Position);

internal sealed record RawDuration(DqDuration Value, SourcePosition Position) : RawOperand(Position);

internal sealed record RawSize(DqSize Value, SourcePosition Position) : RawOperand(Position);

internal sealed record RawVariable(string Name, SourcePosition Position) : RawOperand(Position);
