using System.Text.RegularExpressions;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;
using DataPrepWorkflows.Dqdl.Syntax;

namespace DataPrepWorkflows.Dqdl.Validation;

/// <summary>The ruleset's declared variables: declares them (checking names and values) and resolves references.</summary>
internal sealed partial class VariableScope(List<DqdlDiagnostic> diagnostics)
{
    private readonly Dictionary<string, DqVariable> _variables = new(StringComparer.Ordinal);

    public IReadOnlyList<DqVariable> Declared => [.. _variables.Values];

    public void Declare(SyntaxVariable syntax)
    {
        if (syntax.Name.StartsWith('.') || syntax.Name.StartsWith('_'))
        {
            Report(syntax.Position, DqdlDiagnosticCodes.InvalidVariableName, $"Variable name '{syntax.Name}' cannot start with '.' or '_'.");
            return;
        }

        if (_variables.ContainsKey(syntax.Name))
        {
            Report(syntax.Position, DqdlDiagnosticCodes.DuplicateVariable, $"Variable '{syntax.Name}' is already declared; declare each variable once.");
            return;
        }

        var values = new List<StringOperand>();
        foreach (var value in syntax.Values)
        {
            switch (value)
            {
                case RawString s when VariableReference().IsMatch(s.Raw):
                case RawVariable:
                    Report(value.Position, DqdlDiagnosticCodes.NestedVariable, $"Variable '{syntax.Name}' refers to another variable; variables cannot be nested.");
                    return;
                case RawString s:
                    values.Add(new QuotedStringOperand(s.Raw));
                    break;
                case RawKeyword k:
                    values.Add(new KeywordStringOperand(k.Keyword));
                    break;
            }
        }

        _variables[syntax.Name] = new DqVariable(syntax.Name, values, syntax.IsList, syntax.Position);
    }

    /// <summary>Resolves <c>$name</c>; on failure <paramref name="problem"/> says why (undeclared, wrong shape).</summary>
    public DqVariable? Resolve(string name, SourcePosition position, bool expectList, out DqdlDiagnostic? problem)
    {
        problem = null;
        if (!_variables.TryGetValue(name, out var variable))
        {
            problem = DqdlDiagnostic.At(
                position,
                DqdlDiagnosticCodes.UndeclaredVariable,
                $"Variable '${name}' is not declared; declare it before the rules, e.g. {name} = \"value\".");
            return null;
        }

        if (variable.IsList != expectList)
        {
            problem = DqdlDiagnostic.At(
                position,
                DqdlDiagnosticCodes.VariableTypeMismatch,
                expectList
                    ? $"Variable '${name}' is a single string; 'in ${name}' needs a list variable, e.g. {name} = [\"a\",\"b\"]."
                    : $"Variable '${name}' is a list; use it only as 'in ${name}'.");
            return null;
        }

        return variable;
    }

    private void Report(SourcePosition position, string code, string message) =>
        diagnostics.Add(DqdlDiagnostic.At(position, code, message));

    [GeneratedRegex("\\$[a-zA-Z_][a-zA-Z0-9_.]*")]
    private static partial Regex VariableReference();
}
