using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Dsl.Validation.Inputs;

/// <summary>
/// Compiles every expression and template inside a value and reports syntax errors at their position in the file:
/// the string's column plus the offset inside the expression, when the string is on one line without escapes
/// before the error; otherwise at the string itself.
/// </summary>
internal sealed class ExpressionChecker(IExpressionEngine engine, SourceMap map)
{
    public IEnumerable<Diagnostic> Check(JsonNode? value, string path, string what)
    {
        foreach (var part in ValueSyntax.FindDynamicParts(value))
        {
            var pointer = path + part.Pointer;
            string? error = null;
            (int Line, int Column) at = (0, 0);
            try
            {
                engine.Compile(part.Text, part.Kind == ValueKind.Expression ? ExpressionKind.Expression : ExpressionKind.Template);
            }
            catch (ExpressionSyntaxException ex)
            {
                error = ex.Message;
                at = (ex.Line, ex.Column);
            }

            if (error is null)
            {
                continue;
            }

            var (line, column) = Locate(pointer, part, at);
            yield return new Diagnostic(
                DiagnosticSeverity.Error,
                DiagnosticCodes.ExpressionSyntax,
                $"The {(part.Kind == ValueKind.Expression ? "expression" : "template")} in {what} is not valid JavaScript: {error} Fix the expression text.",
                pointer,
                line,
                column);
        }
    }

    private (int Line, int Column) Locate(string pointer, DynamicPart part, (int Line, int Column) at)
    {
        if (map.Find(pointer) is not { } position)
        {
            return (0, 0);
        }

        // Inside the JSON string: skip the opening quote and the '=' of an expression.
        var prefix = part.Kind == ValueKind.Expression ? 1 : 0;
        var before = part.Text.AsSpan(0, Math.Min(part.Text.Length, OffsetOf(part.Text, at)));
        var plain = !before.ContainsAny("\\\"\n\t\r") && !before.ContainsAnyInRange('\u0000', '\u001f');
        return at.Line == 1 && plain
            ? (position.ValueLine, position.ValueColumn + 1 + prefix + at.Column - 1)
            : (position.ValueLine, position.ValueColumn);
    }

    private static int OffsetOf(string text, (int Line, int Column) at)
    {
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (line == at.Line)
            {
                return i + at.Column - 1;
            }

            if (text[i] == '\n')
            {
                line++;
            }
        }

        return text.Length;
    }
}
