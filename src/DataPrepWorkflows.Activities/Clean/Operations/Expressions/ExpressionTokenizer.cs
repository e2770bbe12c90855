using System.Globalization;

namespace DataPrepWorkflows.Activities.Clean.Operations.Expressions;

/// <summary>Splits a DataBrew value expression (<c>`age` &gt;= 18 AND `country` = 'FR'</c>) into tokens.</summary>
internal static class ExpressionTokenizer
{
    private static readonly string[] Symbols = ["==", "!=", "<>", "<=", ">=", "&&", "||", "=", "<", ">", "!", "(", ")"];

    public static IReadOnlyList<ExpressionToken> Tokenize(string text, string parameter)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '`' or '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new RecipeExpressionException(parameter, $"the {(c == '`' ? "reference" : "string")} opened at position {i + 1} is never closed");
                }

                tokens.Add(new(c == '`' ? ExpressionTokenKind.Reference : ExpressionTokenKind.Text, text[(i + 1)..end], i));
                i = end + 1;
            }
            else if (char.IsDigit(c) || (c is '-' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && !EndsOperand(tokens)))
            {
                var start = i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] is '.' or 'e' or 'E' || (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }

                var number = text[start..i];
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new RecipeExpressionException(parameter, $"'{number}' at position {start + 1} is not a number");
                }

                tokens.Add(new(ExpressionTokenKind.Number, number, start));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(ExpressionTokenKind.Word, text[start..i].ToUpperInvariant(), start));
            }
            else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) is { } symbol)
            {
                tokens.Add(new(ExpressionTokenKind.Symbol, symbol, i));
                i += symbol.Length;
            }
            else
            {
                throw new RecipeExpressionException(parameter, $"'{c}' at position {i + 1} is not part of the expression language (write columns as `name`, text in quotes)");
            }
        }

        return tokens;
    }

    // A '-' right after an operand is not a sign; the language has no arithmetic, so it is an error found by the parser.
    private static bool EndsOperand(List<ExpressionToken> tokens) =>
        tokens.Count > 0 && (tokens[^1].Kind is not (ExpressionTokenKind.Symbol or ExpressionTokenKind.Word) || tokens[^1].Text == ")");
}
