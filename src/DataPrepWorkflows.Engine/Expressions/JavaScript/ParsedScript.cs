using Jint.Parser;
using Jint.Parser.Ast;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>
/// One JavaScript expression parsed once: its syntax tree and the identifiers it mentions, so an evaluation binds only
/// the scope names the expression can read. The tree is never modified after parsing, so it is shared across threads.
/// </summary>
internal sealed class ParsedScript
{
    private ParsedScript(string source, Expression body, string[] names)
    {
        Source = source;
        Body = body;
        Names = names;
    }

    public string Source { get; }

    public Expression Body { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Parses <paramref name="source"/> as a single expression.</summary>
    /// <param name="source">Expression text.</param>
    /// <param name="origin">Where the text sits in a larger text (a template), for error positions; 1-based.</param>
    /// <param name="maxLength">Longest text accepted (<see cref="ExpressionLimits.MaxExpressionLength"/>).</param>
    /// <exception cref="ExpressionSyntaxException">Not one valid expression, or too long.</exception>
    public static ParsedScript Parse(string source, (int Line, int Column) origin, int maxLength)
    {
        if (source.Length > maxLength)
        {
            throw new ExpressionSyntaxException(
                $"The expression is {source.Length} characters long, more than the {maxLength} allowed; move the logic into an activity or split it.",
                origin.Line,
                origin.Column);
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ExpressionSyntaxException("The expression is empty; write a JavaScript expression, for example 'inputs.rows * 2'.", origin.Line, origin.Column);
        }

        // Parentheses make '{a: 1}' an object literal rather than a block; the newline keeps a trailing '//' comment
        // from swallowing the closing parenthesis.
        var wrapped = "(" + source + "\n)";
        Jint.Parser.Ast.Program program;
        try
        {
            program = new JavaScriptParser(strict: true).Parse(wrapped, new ParserOptions { Tokens = true });
        }
        catch (ParserException ex)
        {
            var (line, column) = MapPosition(source, ex.LineNumber, ex.Column);
            var pastEnd = ex.LineNumber > source.Split('\n').Length;
            throw Error(pastEnd ? "Unexpected end of expression" : ex.Description ?? ex.Message, origin, line, column);
        }

        if (program.Body.Count != 1 || program.Body.First() is not ExpressionStatement statement)
        {
            throw Error("Expected a single expression (statements such as 'var' or ';' are not allowed)", origin, 1, 1);
        }

        var names = program.Tokens
            .Where(t => t.Type == Tokens.Identifier && t.Value is string)
            .Select(t => (string)t.Value)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new ParsedScript(source, statement.Expression, names);
    }

    private static (int Line, int Column) MapPosition(string source, int line, int column)
    {
        var lines = source.Split('\n');
        if (line > lines.Length)
        {
            // The error is at the closing parenthesis we added: the expression ended too early.
            return (lines.Length, lines[^1].Length + 1);
        }

        return line == 1 ? (1, Math.Max(1, column - 1)) : (line, Math.Max(1, column));
    }

    private static ExpressionSyntaxException Error(string description, (int Line, int Column) origin, int line, int column)
    {
        var absoluteLine = origin.Line + line - 1;
        var absoluteColumn = line == 1 ? origin.Column + column - 1 : column;
        return new ExpressionSyntaxException(
            $"{description.TrimEnd('.')} at line {absoluteLine}, column {absoluteColumn}.",
            absoluteLine,
            absoluteColumn);
    }
}
