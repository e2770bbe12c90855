using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>DataBrew's REMOVE_COMBINED: one step applying any of its character-removal options, in a fixed order.</summary>
internal static class RemoveCombined
{
    private static readonly (string Name, string Description, string Pattern, string Replacement)[] Options =
    [
        ("removeLetters", "Remove letters.", "[[:alpha:]]", ""),
        ("removeNumbers", "Remove digits.", "[[:digit:]]", ""),
        ("removeSpecialCharacters", "Remove everything but letters, digits and whitespace.", "[^[:alnum:][:space:]]", ""),
        ("removeAllPunctuation", "Remove punctuation.", "[[:punct:]]", ""),
        ("removeAllQuotes", "Remove quote characters.", "[\"'`]", ""),
        ("removeLeadingAndTrailingPunctuation", "Remove punctuation at both ends.", "^[[:punct:]]+|[[:punct:]]+$", ""),
        ("removeLeadingAndTrailingQuotes", "Remove quotes at both ends.", "^[\"'`]+|[\"'`]+$", ""),
        ("removeAllWhitespace", "Remove all whitespace.", "[[:space:]]", ""),
        ("collapseConsecutiveWhitespace", "Collapse runs of whitespace into one space.", "[[:space:]]+", " "),
    ];

    public static OperationDefinition Definition(string category) =>
        new("REMOVE_COMBINED", category, "Removes characters from sourceColumn as the chosen options say (letters, numbers, punctuation, quotes, whitespace, custom characters or a custom value).",
        [
            P.Source,
            .. Options.Select(o => P.Bool(o.Name, o.Description)),
            P.Bool("removeLeadingAndTrailingWhitespace", "Trim whitespace at both ends."),
            P.Bool("removeCustomCharacters", "Remove each of customCharacters."),
            P.Text("customCharacters", "Characters to remove.", false),
            P.Bool("removeCustomValue", "Remove every occurrence of customValue."),
            P.Text("customValue", "Text to remove.", false),
        ])
        {
            Compiler = s => TextOperations.Apply(s, x => Compile(s, x)),
        };

    private static string Compile(StepContext s, string x)
    {
        var expression = x;
        if (s.Bool("removeCustomValue") && s.Text("customValue").Length > 0)
        {
            expression = $"replace({expression}, {Sql.Str(s.Text("customValue"))}, '')";
        }

        if (s.Bool("removeCustomCharacters") && s.Text("customCharacters").Length > 0)
        {
            var set = new StringBuilder("[");
            foreach (var rune in s.Text("customCharacters").EnumerateRunes())
            {
                set.Append(CultureInfo.InvariantCulture, $"\\x{{{rune.Value:X}}}");
            }

            expression = $"regexp_replace({expression}, {Sql.Str(set.Append(']').ToString())}, '', 'g')";
        }

        foreach (var option in Options.Where(o => s.Bool(o.Name)))
        {
            expression = $"regexp_replace({expression}, {Sql.Str(option.Pattern)}, {Sql.Str(option.Replacement)}, 'g')";
        }

        return s.Bool("removeLeadingAndTrailingWhitespace") ? TextFunctionOperations.Trim(expression) : expression;
    }
}
