using System.Text;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Converts between our <c>${…}</c> templates and JavaScript template literals (<c>`…${…}…`</c>), the form Elsa 3's
/// JavaScript expressions take for interpolation.
/// </summary>
internal static class JsTemplate
{
    /// <summary>One piece of a template: literal text or an expression.</summary>
    public readonly record struct Part(string Text, bool IsExpression);

    /// <summary>
    /// Splits one of our templates (<c>$${</c> escapes a literal <c>${</c>; braces and quotes inside an expression are
    /// balanced), or <c>null</c> when a <c>${</c> is never closed.
    /// </summary>
    public static List<Part>? Split(string template)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            if (string.CompareOrdinal(template, i, "$${", 0, 3) == 0)
            {
                literal.Append("${");
                i += 3;
            }
            else if (string.CompareOrdinal(template, i, "${", 0, 2) == 0)
            {
                var end = FindClose(template, i + 2);
                if (end < 0)
                {
                    return null;
                }

                Flush(parts, literal);
                parts.Add(new Part(template[(i + 2)..end], true));
                i = end + 1;
            }
            else
            {
                literal.Append(template[i++]);
            }
        }

        Flush(parts, literal);
        return parts;
    }

    /// <summary>Our template text for <paramref name="parts"/>: literal <c>${</c> escaped as <c>$${</c>.</summary>
    public static string Join(IEnumerable<Part> parts) =>
        string.Concat(parts.Select(p => p.IsExpression ? "${" + p.Text + "}" : p.Text.Replace("${", "$${", StringComparison.Ordinal)));

    /// <summary>A JavaScript template literal with the same parts.</summary>
    public static string ToLiteral(IEnumerable<Part> parts)
    {
        var text = new StringBuilder("`");
        foreach (var part in parts)
        {
            if (part.IsExpression)
            {
                text.Append("${").Append(part.Text).Append('}');
            }
            else
            {
                text.Append(part.Text.Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("`", "\\`", StringComparison.Ordinal)
                    .Replace("${", "\\${", StringComparison.Ordinal));
            }
        }

        return text.Append('`').ToString();
    }

    /// <summary>
    /// The parts of <paramref name="code"/> when it is exactly one JavaScript template literal, else <c>null</c>.
    /// </summary>
    public static List<Part>? ParseLiteral(string code)
    {
        code = code.Trim();
        if (code.Length < 2 || code[0] != '`' || code[^1] != '`')
        {
            return null;
        }

        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 1;
        var last = code.Length - 1;
        while (i < last)
        {
            var c = code[i];
            if (c == '\\' && i + 1 < last)
            {
                literal.Append(Unescape(code[i + 1]));
                i += 2;
            }
            else if (c == '`')
            {
                // A second literal inside: the code is more than one template literal.
                return null;
            }
            else if (c == '$' && code[i + 1] == '{')
            {
                var end = FindClose(code, i + 2);
                if (end < 0 || end >= last)
                {
                    return null;
                }

                Flush(parts, literal);
                parts.Add(new Part(code[(i + 2)..end], true));
                i = end + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (i != last)
        {
            return null;
        }

        Flush(parts, literal);
        return parts;
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        _ => c,
    };

    private static void Flush(List<Part> parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), false));
            literal.Clear();
        }
    }

    /// <summary>Index of the <c>}</c> closing an expression that starts at <paramref name="start"/>, or -1.</summary>
    private static int FindClose(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' or '\'' or '`':
                    i = SkipQuoted(text, i);
                    if (i < 0)
                    {
                        return -1;
                    }

                    break;
                case '{':
                    depth++;
                    break;
                case '}' when depth == 0:
                    return i;
                case '}':
                    depth--;
                    break;
            }
        }

        return -1;
    }

    private static int SkipQuoted(string text, int open)
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
