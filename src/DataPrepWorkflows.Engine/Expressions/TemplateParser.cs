using System.Text;

namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>
/// Splits a template such as <c>s3://${inputs.bucket}/${inputs.key}</c> into literal text and expression parts.
/// <c>$${</c> is an escape for a literal <c>${</c>. Braces and quotes inside an expression are balanced, so
/// <c>${ {a: 1}.a }</c> and <c>${ "}" }</c> work.
/// </summary>
internal static class TemplateParser
{
    /// <exception cref="ExpressionSyntaxException">A <c>${</c> is never closed.</exception>
    public static IReadOnlyList<TemplateSegment> Parse(string template)
    {
        var segments = new List<TemplateSegment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            if (At(template, i, "$${"))
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            if (At(template, i, "${"))
            {
                var start = i + 2;
                var end = FindClose(template, start);
                if (end < 0)
                {
                    var (line, column) = Position(template, i);
                    throw new ExpressionSyntaxException(
                        $"'${{' at line {line}, column {column} is never closed; add '}}' after the expression (write '$${{' for a literal '${{').",
                        line,
                        column);
                }

                if (literal.Length > 0)
                {
                    segments.Add(new TemplateSegment(literal.ToString(), IsExpression: false, Offset: -1));
                    literal.Clear();
                }

                segments.Add(new TemplateSegment(template[start..end], IsExpression: true, Offset: start));
                i = end + 1;
                continue;
            }

            literal.Append(template[i]);
            i++;
        }

        if (literal.Length > 0)
        {
            segments.Add(new TemplateSegment(literal.ToString(), IsExpression: false, Offset: -1));
        }

        return segments;
    }

    /// <summary>1-based line and column of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static int FindClose(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = SkipString(text, i);
                if (i < 0)
                {
                    return -1;
                }
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }

    private static int SkipString(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Literal text, or an expression with its offset in the template (for error positions).</summary>
internal sealed record TemplateSegment(string Text, bool IsExpression, int Offset);
