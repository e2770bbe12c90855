using System.Globalization;
using DataPrepWorkflows.Dqdl.Catalog;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Syntax;

namespace DataPrepWorkflows.Dqdl.Validation;

/// <summary>
/// Gives a written condition its type for one return type of the rule: a number, string, date, duration or size
/// condition. A condition fits a family only when its operator and every operand belong to that family (so
/// <c>in [1,"2"]</c> fits none). A family attempt may also find a specific problem (an undeclared variable, an
/// impossible date), reported only when no family fits.
/// </summary>
internal sealed class ConditionBinder(VariableScope variables)
{
    public readonly record struct Attempt(DqCondition? Condition, DqdlDiagnostic? Problem)
    {
        public static Attempt NoFit => default;
    }

    public Attempt Bind(RawCondition raw, RuleReturnType family, string timeZoneId) => family switch
    {
        RuleReturnType.Number or RuleReturnType.NumberArray => BindNumber(raw),
        RuleReturnType.String or RuleReturnType.StringArray => BindString(raw),
        RuleReturnType.Date or RuleReturnType.DateArray => BindDate(raw, timeZoneId),
        RuleReturnType.Duration or RuleReturnType.DurationArray => BindDuration(raw),
        RuleReturnType.Size or RuleReturnType.SizeArray => BindSize(raw),
        _ => Attempt.NoFit,
    };

    public Attempt BindNumber(RawCondition raw)
    {
        if (raw.Operator == RawOperator.Matches || raw.IsBareVariableList)
        {
            return Attempt.NoFit;
        }

        var operands = new List<NumericOperand>();
        foreach (var operand in raw.Operands)
        {
            switch (operand)
            {
                case RawNumber number:
                    operands.Add(number.Value);
                    break;
                case RawKeyword { Keyword: StringKeyword.Null }:
                    operands.Add(new NullNumberOperand());
                    break;
                default:
                    return Attempt.NoFit;
            }
        }

        return new Attempt(new NumberCondition(OperatorOf(raw), operands), null);
    }

    private Attempt BindString(RawCondition raw)
    {
        if (raw.Operator is not (RawOperator.Equal or RawOperator.In or RawOperator.Matches))
        {
            return Attempt.NoFit;
        }

        if (raw.IsBareVariableList)
        {
            var reference = (RawVariable)raw.Operands[0];
            var list = variables.Resolve(reference.Name, reference.Position, expectList: true, out var listProblem);
            if (list is null)
            {
                return new Attempt(null, listProblem);
            }

            return new Attempt(new StringCondition(OperatorOf(raw), [new VariableStringOperand(list.Name, list.Values, true)]), null);
        }

        var operands = new List<StringOperand>();
        foreach (var operand in raw.Operands)
        {
            switch (operand)
            {
                case RawString s:
                    operands.Add(new QuotedStringOperand(s.Raw));
                    break;
                case RawKeyword k:
                    operands.Add(new KeywordStringOperand(k.Keyword));
                    break;
                case RawVariable v:
                    var scalar = variables.Resolve(v.Name, v.Position, expectList: false, out var problem);
                    if (scalar is null)
                    {
                        return new Attempt(null, problem);
                    }

                    operands.Add(new VariableStringOperand(scalar.Name, scalar.Values, false));
                    break;
                default:
                    return Attempt.NoFit;
            }
        }

        return new Attempt(new StringCondition(OperatorOf(raw), operands), null);
    }

    private Attempt BindDate(RawCondition raw, string timeZoneId)
    {
        if (raw.Operator == RawOperator.Matches || raw.IsBareVariableList)
        {
            return Attempt.NoFit;
        }

        var operands = new List<DateOperand>();
        foreach (var operand in raw.Operands)
        {
            DateOperand? bound;
            switch (operand)
            {
                case RawNow:
                    bound = new NowDateOperand();
                    break;
                case RawRelativeDate relative:
                    bound = new RelativeDateOperand(relative.Operator, relative.Offset);
                    break;
                case RawKeyword { Keyword: StringKeyword.Null }:
                    bound = new NullDateOperand();
                    break;
                case RawDate date when DateOnly.TryParseExact(date.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                    bound = new StaticDateOperand(day);
                    break;
                case RawDate date:
                    return new Attempt(null, InvalidDate(date.Position, $"\"{date.Text}\" is not a date; write a real date as \"yyyy-MM-dd\"."));
                case RawTime time when ParseTime(time) is { } timeOfDay:
                    bound = new TimeOfDayOperand(time.Text, timeOfDay, timeZoneId);
                    break;
                case RawTime time:
                    return new Attempt(null, InvalidDate(
                        time.Position,
                        $"\"{time.Text}\" is not a time; write \"h:mm AM\"/\"h:mm PM\" (1-12 hours) or \"HH:mm\" (00-23 hours)."));
                default:
                    return Attempt.NoFit;
            }

            operands.Add(bound);
        }

        return new Attempt(new DateCondition(OperatorOf(raw), operands), null);
    }

    private static Attempt BindDuration(RawCondition raw)
    {
        if (raw.Operator == RawOperator.Matches || raw.Operands.Any(o => o is not RawDuration))
        {
            return Attempt.NoFit;
        }

        return new Attempt(new DurationCondition(OperatorOf(raw), [.. raw.Operands.Cast<RawDuration>().Select(d => d.Value)]), null);
    }

    private Attempt BindSize(RawCondition raw)
    {
        if (raw.Operator == RawOperator.Matches)
        {
            return Attempt.NoFit;
        }

        if (raw.Operands.All(o => o is RawSize))
        {
            return new Attempt(new SizeCondition(OperatorOf(raw), [.. raw.Operands.Cast<RawSize>().Select(s => s.Value)]), null);
        }

        // A plain whole number counts bytes (FileSize > 1024); it stays a number condition so it prints as written.
        return raw.Operands.All(o => o is RawNumber { Value: AtomicNumberOperand atomic } && !atomic.Text.Contains('.', StringComparison.Ordinal))
            ? BindNumber(raw)
            : Attempt.NoFit;
    }

    private static TimeOnly? ParseTime(RawTime time)
    {
        var format = time.IsMilitary ? "HH:mm" : "h:mm tt";
        return TimeOnly.TryParseExact(time.Text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;
    }

    private static DqdlDiagnostic InvalidDate(SourcePosition position, string message) =>
        DqdlDiagnostic.At(position, DqdlDiagnosticCodes.InvalidDateOrTime, message);

    internal static ConditionOperator OperatorOf(RawCondition raw) => (raw.Operator, raw.Negated) switch
    {
        (RawOperator.Between, false) => ConditionOperator.Between,
        (RawOperator.Between, true) => ConditionOperator.NotBetween,
        (RawOperator.Equal, false) => ConditionOperator.Equal,
        (RawOperator.Equal, true) => ConditionOperator.NotEqual,
        (RawOperator.In, false) => ConditionOperator.In,
        (RawOperator.In, true) => ConditionOperator.NotIn,
        (RawOperator.Matches, false) => ConditionOperator.Matches,
        (RawOperator.Matches, true) => ConditionOperator.NotMatches,
        (RawOperator.GreaterThan, _) => ConditionOperator.GreaterThan,
        (RawOperator.GreaterThanOrEqual, _) => ConditionOperator.GreaterThanOrEqual,
        (RawOperator.LessThan, _) => ConditionOperator.LessThan,
        _ => ConditionOperator.LessThanOrEqual,
    };
}
