using System.Text;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Printing;

/// <summary>
/// Canonical DQDL text, as AWS Glue prints rules: single spaces between parts, lists without spaces
/// (<c>in ["a","b"]</c>), parameters quoted or bare as written, keywords upper case, composite operands in
/// parentheses with <c>AND</c>/<c>OR</c>. Printing a parsed rule gives its canonical text, and printing is a fixed
/// point: parsing printed text and printing again gives the same text.
/// </summary>
internal static class DqdlPrinter
{
    public static string RuleNode(DqRuleNode node)
    {
        var sb = new StringBuilder();
        AppendRuleNode(sb, node);
        return sb.ToString();
    }

    public static string Analyzer(DqAnalyzer analyzer)
    {
        var sb = new StringBuilder(analyzer.AnalyzerType);
        AppendParameters(sb, analyzer.Parameters);
        return sb.ToString();
    }

    public static string Condition(DqCondition condition) => condition switch
    {
        NumberCondition n => Condition(n.Operator, n.Operands.Select(Numeric).ToList(), bareList: false),
        StringCondition s => Condition(
            s.Operator,
            s.Operands.Select(String).ToList(),
            bareList: s.Operands is [VariableStringOperand { IsList: true }]),
        DateCondition d => Condition(d.Operator, d.Operands.Select(Date).ToList(), bareList: false),
        DurationCondition d => Condition(d.Operator, d.Operands.Select(Duration).ToList(), bareList: false),
        SizeCondition s => Condition(s.Operator, s.Operands.Select(Size).ToList(), bareList: false),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType().Name, "Unknown condition family."),
    };

    public static string Numeric(NumericOperand operand) => operand switch
    {
        AtomicNumberOperand atomic => atomic.Text,
        NullNumberOperand => "NULL",
        BinaryNumberOperand binary => binary.IsParenthesized
            ? $"({Numeric(binary.Left)} {binary.Operator} {Numeric(binary.Right)})"
            : $"{Numeric(binary.Left)} {binary.Operator} {Numeric(binary.Right)}",
        FunctionCallOperand call => $"{call.Name}({string.Join(',', call.Arguments.Select(Numeric))})",
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand.GetType().Name, "Unknown number operand."),
    };

    public static string String(StringOperand operand) => operand switch
    {
        QuotedStringOperand quoted => $"\"{quoted.Raw}\"",
        KeywordStringOperand { Keyword: StringKeyword.Null } => "NULL",
        KeywordStringOperand { Keyword: StringKeyword.Empty } => "EMPTY",
        KeywordStringOperand => "WHITESPACES_ONLY",
        VariableStringOperand variable => $"${variable.Name}",
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand.GetType().Name, "Unknown string operand."),
    };

    public static string Date(DateOperand operand) => operand switch
    {
        NowDateOperand => "now()",
        RelativeDateOperand relative => $"(now() {relative.Operator} {Duration(relative.Offset)})",
        StaticDateOperand date => $"\"{date.Text}\"",
        TimeOfDayOperand time => $"\"{time.Text}\"",
        NullDateOperand => "NULL",
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand.GetType().Name, "Unknown date operand."),
    };

    public static string Duration(DqDuration duration) =>
        $"{duration.Amount} {duration.Unit.ToString().ToLowerInvariant()}";

    public static string Size(DqSize size) => $"{size.Amount} {size.Unit}";

    public static string Labels(IReadOnlyList<DqLabel> labels) =>
        $"[{string.Join(',', labels.Select(l => $"\"{l.Key}\"=\"{l.Value}\""))}]";

    private static string Condition(ConditionOperator op, IReadOnlyList<string> operands, bool bareList) => op switch
    {
        ConditionOperator.Between => $"between {operands[0]} and {operands[1]}",
        ConditionOperator.NotBetween => $"not between {operands[0]} and {operands[1]}",
        ConditionOperator.GreaterThan => $"> {operands[0]}",
        ConditionOperator.GreaterThanOrEqual => $">= {operands[0]}",
        ConditionOperator.LessThan => $"< {operands[0]}",
        ConditionOperator.LessThanOrEqual => $"<= {operands[0]}",
        ConditionOperator.Equal => $"= {operands[0]}",
        ConditionOperator.NotEqual => $"!= {operands[0]}",
        ConditionOperator.In => $"in {List(operands, bareList)}",
        ConditionOperator.NotIn => $"not in {List(operands, bareList)}",
        ConditionOperator.Matches => $"matches {operands[0]}",
        _ => $"not matches {operands[0]}",
    };

    private static string List(IReadOnlyList<string> operands, bool bare) =>
        bare ? operands[0] : $"[{string.Join(',', operands)}]";

    private static void AppendRuleNode(StringBuilder sb, DqRuleNode node)
    {
        switch (node)
        {
            case DqRule rule:
                AppendRule(sb, rule);
                break;
            case DqCompositeRule composite when composite.Labels.Count > 0:
                // Labels of a group attach to the parentheses around it, so the group is printed inside its own.
                sb.Append('(');
                AppendComposite(sb, composite);
                sb.Append(") labels=").Append(Labels(composite.Labels));
                break;
            case DqCompositeRule composite:
                AppendComposite(sb, composite);
                break;
        }
    }

    private static void AppendComposite(StringBuilder sb, DqCompositeRule composite)
    {
        sb.Append('(');
        AppendRuleNode(sb, composite.Left);
        sb.Append(") ").Append(composite.Operator == DqLogicalOperator.And ? "AND" : "OR").Append(" (");
        AppendRuleNode(sb, composite.Right);
        sb.Append(')');
    }

    private static void AppendRule(StringBuilder sb, DqRule rule)
    {
        sb.Append(rule.RuleType);
        AppendParameters(sb, rule.Parameters);
        if (rule.Condition is not null)
        {
            sb.Append(' ').Append(Condition(rule.Condition));
        }

        if (rule.WhereClause is not null)
        {
            sb.Append(" where \"").Append(rule.WhereClause).Append('"');
        }

        if (rule.Labels.Count > 0)
        {
            sb.Append(" labels=").Append(Labels(rule.Labels));
        }

        foreach (var tag in rule.Tags)
        {
            sb.Append(" with ").Append(tag.IsNameQuoted ? $"\"{tag.Name}\"" : tag.Name).Append(' ')
                .Append(Condition(tag.Condition));
        }
    }

    private static void AppendParameters(StringBuilder sb, IReadOnlyList<DqRuleParameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            sb.Append(' ');
            if (parameter.ConnectorWord is not null)
            {
                sb.Append(parameter.ConnectorWord).Append(' ');
            }

            if (parameter.VariableName is not null)
            {
                sb.Append('$').Append(parameter.VariableName);
            }
            else if (parameter.IsQuoted)
            {
                sb.Append('"').Append(parameter.Value).Append('"');
            }
            else
            {
                sb.Append(parameter.Value);
            }
        }
    }
}
