using System.Text;
using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Dsl.Validation.Structure;

/// <summary>The id and name rules of the file format.</summary>
internal static partial class Ids
{
    /// <summary>Kebab-case: <c>loan-prep</c>, <c>gate2</c>.</summary>
    public static bool IsValid(string id) => KebabCase().IsMatch(id);

    /// <summary>A name usable after a dot in JavaScript: <c>inputs.rowCount</c>.</summary>
    public static bool IsName(string name) => JavaScriptName().IsMatch(name);

    /// <summary>The kebab-case form of <paramref name="text"/>: <c>QualityGate</c> → <c>quality-gate</c>.</summary>
    public static string Suggest(string text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsUpper(c) && i > 0 && char.IsLetterOrDigit(text[i - 1]) && !char.IsUpper(text[i - 1]))
            {
                builder.Append('-');
            }

            builder.Append(char.IsLetterOrDigit(c) && c < 128 ? char.ToLowerInvariant(c) : '-');
        }

        var suggestion = MultipleDashes().Replace(builder.ToString(), "-").Trim('-');
        return suggestion.Length == 0 ? "my-activity" : suggestion;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant)]
    private static partial Regex JavaScriptName();

    [GeneratedRegex("-{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleDashes();
}
