using DataPrepWorkflows.Dqdl.Catalog;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;
using DataPrepWorkflows.Dqdl.Syntax;

namespace DataPrepWorkflows.Dqdl.Validation;

/// <summary>
/// Checks rules and analyzers against the rule-type catalog the way AWS Glue does: the rule type exists, the
/// parameter count fits an overload, analyzer-only types stay in <c>Analyzers</c>, <c>where</c> and
/// <c>with threshold</c> appear only where supported, and the condition fits one of the rule type's return types.
/// </summary>
internal sealed class RuleBinder(
    RuleTypeCatalog catalog,
    VariableScope variables,
    int defaultLabelCount,
    List<DqdlDiagnostic> diagnostics)
{
    private const string AnomalyRuleType = "DetectAnomalies";

    private readonly ConditionBinder _conditions = new(variables);
    private readonly TagBinder _tags = new(new ConditionBinder(variables), diagnostics);

    public DqRuleNode? BindRuleNode(SyntaxRuleNode node)
    {
        var labels = LabelRules.Bind(node.Labels, defaultLabelCount, node.Position, diagnostics);
        switch (node)
        {
            case SyntaxComposite composite:
                var left = BindRuleNode(composite.Left);
                var right = BindRuleNode(composite.Right);
                return left is null || right is null
                    ? null
                    : new DqCompositeRule(composite.Operator, left, right, labels, composite.Position);
            case SyntaxRule rule:
                return BindRule(rule, labels);
            default:
                return null;
        }
    }

    public DqAnalyzer? BindAnalyzer(SyntaxAnalyzer analyzer)
    {
        var descriptor = ResolveType(analyzer.AnalyzerType, analyzer.Parameters.Count, analyzer.Position, "analyzer");
        if (descriptor is null)
        {
            return null;
        }

        if (descriptor.IsBooleanOnly)
        {
            Report(
                analyzer.Position,
                DqdlDiagnosticCodes.NotAnAnalyzer,
                $"{analyzer.AnalyzerType} passes or fails but measures nothing, so it cannot be an analyzer; move it to the Rules section.");
            return null;
        }

        var parameters = BindParameters(descriptor, analyzer.Parameters);
        return parameters is null ? null : new DqAnalyzer(analyzer.AnalyzerType, descriptor, parameters, analyzer.Position);
    }

    private DqRule? BindRule(SyntaxRule rule, IReadOnlyList<DqLabel> labels)
    {
        var descriptor = ResolveType(rule.RuleType, rule.Parameters.Count, rule.Position, "rule");
        if (descriptor is null)
        {
            return null;
        }

        if (descriptor.IsAnalyzerOnly)
        {
            Report(
                rule.Position,
                DqdlDiagnosticCodes.AnalyzerOnlyRuleType,
                $"{rule.RuleType} only computes statistics; put it in the Analyzers section: Analyzers = [ {rule.RuleType} … ].");
            return null;
        }

        var parameters = BindParameters(descriptor, rule.Parameters);
        if (parameters is not null && descriptor.Name == AnomalyRuleType && !IsAnomalyMetric(parameters))
        {
            return null;
        }

        var where = BindWhere(rule, descriptor);
        var tags = _tags.Bind(rule, descriptor);
        var timeZone = tags?.FirstOrDefault(t => !t.IsThreshold && t.Name == TagBinder.TimeZoneTag)?.Value ?? "UTC";
        var condition = BindCondition(rule, descriptor, timeZone, out var conditionOk);

        return parameters is null || tags is null || !where.Ok || !conditionOk
            ? null
            : new DqRule(rule.RuleType, descriptor, parameters, condition, where.Clause, tags, labels, rule.Position);
    }

    // DetectAnomalies' parameters are another rule type and that rule type's own parameters.
    private bool IsAnomalyMetric(List<DqRuleParameter> parameters)
    {
        var metric = parameters[0];
        var metricType = catalog.Resolve(metric.Value, parameters.Count - 1);
        var problem = catalog.Overloads(metric.Value) switch
        {
            [] => $"DetectAnomalies watches a metric, but '{metric.Value}' is not a rule type; write e.g. DetectAnomalies of RowCount or DetectAnomalies of Completeness of \"col\".",
            _ when metricType is null => $"'{metric.Value}' does not take {parameters.Count - 1} parameter(s) in DetectAnomalies.",
            _ when metricType.IsBooleanOnly || metricType.IsAnalyzerOnly => $"'{metric.Value}' produces no single metric to watch; DetectAnomalies needs a rule type that measures a number.",
            _ => null,
        };
        if (problem is not null)
        {
            Report(metric.Position, DqdlDiagnosticCodes.InvalidAnomalyMetric, problem);
        }

        return problem is null;
    }

    private RuleTypeDescriptor? ResolveType(string name, int count, SourcePosition position, string what)
    {
        var overloads = catalog.Overloads(name);
        if (overloads.Count == 0)
        {
            var suggestion = catalog.Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            Report(
                position,
                DqdlDiagnosticCodes.UnknownRuleType,
                $"Unknown {what} type '{name}'."
                + (suggestion is null ? " Run 'dataprep describe' for the rule types (names are case-sensitive)." : $" Did you mean '{suggestion}'?"));
            return null;
        }

        var descriptor = catalog.Resolve(name, count);
        if (descriptor is null)
        {
            var expected = string.Join(" or ", overloads.Select(DescribeParameters));
            Report(
                position,
                DqdlDiagnosticCodes.WrongParameterCount,
                $"{name} takes {expected}, but {count} {(count == 1 ? "was" : "were")} given.");
        }

        return descriptor;
    }

    private static string DescribeParameters(RuleTypeDescriptor descriptor) => descriptor.Parameters.Count switch
    {
        0 => "no parameters",
        _ when descriptor.HasVarArg => $"at least {descriptor.Parameters.Count} parameter(s) ({string.Join(", ", descriptor.Parameters.Select(p => p.Name))}…)",
        1 => $"1 parameter ({descriptor.Parameters[0].Name})",
        var n => $"{n} parameters ({string.Join(", ", descriptor.Parameters.Select(p => p.Name))})",
    };

    private List<DqRuleParameter>? BindParameters(RuleTypeDescriptor descriptor, IReadOnlyList<SyntaxParameter> parameters)
    {
        var bound = new List<DqRuleParameter>();
        var ok = true;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var name = descriptor.ParameterAt(i).Name;
            if (!parameter.IsVariable)
            {
                bound.Add(new DqRuleParameter(name, parameter.Text, parameter.IsQuoted, parameter.ConnectorWord, null, parameter.Position));
                continue;
            }

            var variable = variables.Resolve(parameter.Text, parameter.Position, expectList: false, out var problem);
            if (variable is null)
            {
                diagnostics.Add(problem!);
                ok = false;
                continue;
            }

            var value = variable.Values[0] is QuotedStringOperand quoted ? quoted.Raw : variable.Values[0].ToString();
            bound.Add(new DqRuleParameter(name, value, true, parameter.ConnectorWord, parameter.Text, parameter.Position));
        }

        return ok ? bound : null;
    }

    private (bool Ok, string? Clause) BindWhere(SyntaxRule rule, RuleTypeDescriptor descriptor)
    {
        if (rule.Where is not { } where)
        {
            return (true, null);
        }

        if (!descriptor.SupportsWhere)
        {
            Report(where.Position, DqdlDiagnosticCodes.WhereNotSupported, $"{rule.RuleType} does not support a where clause; remove it or filter the data before the rule.");
            return (false, null);
        }

        if (string.IsNullOrWhiteSpace(where.Raw))
        {
            Report(where.Position, DqdlDiagnosticCodes.EmptyWhereClause, $"The where clause of {rule.RuleType} is empty; write a SQL condition, e.g. where \"amount > 0\".");
            return (false, null);
        }

        return (true, where.Raw);
    }

    private DqCondition? BindCondition(SyntaxRule rule, RuleTypeDescriptor descriptor, string timeZone, out bool ok)
    {
        ok = true;
        if (rule.Condition is not { } raw)
        {
            if (descriptor.ReturnTypes.Contains(RuleReturnType.Boolean))
            {
                return null;
            }

            ok = false;
            Report(rule.Position, DqdlDiagnosticCodes.MissingCondition, $"{rule.RuleType} needs a condition, e.g. {rule.RuleType} … {Example(descriptor.ReturnTypes[0])}.");
            return null;
        }

        DqdlDiagnostic? problem = null;
        foreach (var family in descriptor.ReturnTypes)
        {
            var attempt = _conditions.Bind(raw, family, timeZone);
            if (attempt.Condition is not null)
            {
                return attempt.Condition;
            }

            problem ??= attempt.Problem;
        }

        ok = false;
        if (descriptor.IsBooleanOnly)
        {
            Report(raw.Position, DqdlDiagnosticCodes.UnexpectedCondition, $"{rule.RuleType} passes or fails by itself and takes no condition; remove the condition.");
        }
        else if (problem is not null)
        {
            diagnostics.Add(problem);
        }
        else
        {
            var expected = string.Join(" or ", descriptor.ReturnTypes.Where(t => t != RuleReturnType.Boolean).Select(Example));
            Report(
                raw.Position,
                DqdlDiagnosticCodes.ConditionTypeMismatch,
                $"This condition does not fit {rule.RuleType}, which takes {expected} (the values of a list must all be of one kind).");
        }

        return null;
    }

    private static string Example(RuleReturnType family) => family switch
    {
        RuleReturnType.Number or RuleReturnType.NumberArray => "a number condition such as > 0.9 or between 1 and 10",
        RuleReturnType.String or RuleReturnType.StringArray => "a string condition such as = \"A\", in [\"A\",\"B\"] or matches \"[a-z]+\"",
        RuleReturnType.Date or RuleReturnType.DateArray => "a date condition such as > (now() - 1 days)",
        RuleReturnType.Duration or RuleReturnType.DurationArray => "a duration condition such as <= 3 days",
        RuleReturnType.Size or RuleReturnType.SizeArray => "a size condition such as <= 1 GB",
        _ => "no condition",
    };

    private void Report(SourcePosition position, string code, string message) =>
        diagnostics.Add(DqdlDiagnostic.At(position, code, message));
}
