using System.Text;
using DataPrepWorkflows.Dqdl.Printing;

namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>The DQDL keywords that stand for kinds of "nothing" in string conditions.</summary>
public enum StringKeyword
{
    /// <summary><c>NULL</c>: a missing value.</summary>
    Null,

    /// <summary><c>EMPTY</c>: the empty string.</summary>
    Empty,

    /// <summary><c>WHITESPACES_ONLY</c>: a non-empty string made only of white space.</summary>
    WhitespacesOnly,
}

/// <summary>An operand of a string condition. <see cref="object.ToString"/> gives the canonical DQDL text.</summary>
public abstract record StringOperand
{
    /// <summary>Whether <paramref name="value"/> equals this operand (keywords match the kind of value they stand for).</summary>
    public abstract bool Matches(string? value);

    /// <summary>The canonical DQDL text of the operand.</summary>
    public sealed override string ToString() => DqdlPrinter.String(this);
}

/// <summary>A quoted string. <see cref="Raw"/> is the text between the quotes as written, escapes included.</summary>
/// <param name="Raw">The text between the quotes, with <c>\"</c> and <c>\\</c> escapes as written.</param>
public sealed record QuotedStringOperand(string Raw) : StringOperand
{
    /// <summary>The string's value: <see cref="Raw"/> with <c>\"</c> and <c>\\</c> unescaped.</summary>
    public string Value => Unescape(Raw);

    /// <summary>Builds an operand from a value, escaping quotes and backslashes that would otherwise be misread.</summary>
    public static QuotedStringOperand FromValue(string value) => new(Escape(value));

    /// <inheritdoc />
    public override bool Matches(string? value) => value is not null && string.Equals(value, Value, StringComparison.Ordinal);

    internal static string Unescape(string raw)
    {
        if (!raw.Contains('\\', StringComparison.Ordinal))
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length && raw[i + 1] is '"' or '\\')
            {
                i++;
            }

            sb.Append(raw[i]);
        }

        return sb.ToString();
    }

    internal static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '"';

            // A lone backslash stays as written (a regex's \d); only one that would pair with the next character is doubled.
            if (c == '"' || (c == '\\' && next is '"' or '\\'))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}

/// <summary>One of the keywords <c>NULL</c>, <c>EMPTY</c>, <c>WHITESPACES_ONLY</c>.</summary>
/// <param name="Keyword">The keyword.</param>
public sealed record KeywordStringOperand(StringKeyword Keyword) : StringOperand
{
    /// <inheritdoc />
    public override bool Matches(string? value) => Keyword switch
    {
        StringKeyword.Null => value is null,
        StringKeyword.Empty => value is { Length: 0 },
        StringKeyword.WhitespacesOnly => value is { Length: > 0 } && value.All(char.IsWhiteSpace),
        _ => false,
    };
}

/// <summary>
/// A <c>$name</c> reference to a variable declared in the ruleset, with the variable's value resolved at parse time.
/// </summary>
/// <param name="Name">The variable name without the <c>$</c>.</param>
/// <param name="Values">The variable's value: one operand for a string variable, the items for a list variable.</param>
/// <param name="IsList">Whether the variable is a list (<c>name = ["a","b"]</c>).</param>
public sealed record VariableStringOperand(string Name, IReadOnlyList<StringOperand> Values, bool IsList) : StringOperand
{
    /// <summary>The resolved value or list items, compared by value.</summary>
    public IReadOnlyList<StringOperand> Values { get; init; } = ValueList<StringOperand>.Of(Values);

    /// <inheritdoc />
    public override bool Matches(string? value) => Values.Any(v => v.Matches(value));
}
