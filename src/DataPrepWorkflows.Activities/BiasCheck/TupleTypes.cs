namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// Column types decided from the counted tuples themselves, for the cases where DuckDB's sniffer can only agree:
/// every value a plain integer (<c>BIGINT</c>), or at least one value in the first <see cref="EarlyRows"/> data rows
/// that no DuckDB type but text reads — letters without digits and no special word such as <c>yes</c>, <c>inf</c> or
/// <c>epoch</c> (<c>VARCHAR</c>). The sniffer reads at least those first rows, so it sees that value too; it never
/// sees more than the file holds, so an all-integer column cannot be text to it. Anything else (decimals, dates,
/// booleans, leading zeros, blanks around values, pandas' missing-value markers, a column without an integer column
/// beside it to prove the header) returns <see langword="null"/> and DuckDB sniffs the file.
/// </summary>
internal static class TupleTypes
{
    /// <summary>Data rows the sniffer reads in any configuration (its sample is 20,480 rows by default).</summary>
    public const long EarlyRows = 1000;

    private static readonly HashSet<string> SpecialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // Booleans as DuckDB's cast reads them.
        "true", "false", "t", "f", "yes", "no", "y", "n", "on", "off",

        // Numbers and dates from words.
        "inf", "infinity", "nan", "epoch", "allballs", "now", "today", "tomorrow", "yesterday",

        // pandas' missing-value markers that are plain words: the pandas-typed path would read them as NULL.
        "na", "null", "none",
    };

    /// <summary>Whether a word could be read as something other than text by DuckDB or pandas.</summary>
    public static bool IsSpecialWord(string word) => SpecialWords.Contains(word);

    /// <summary>The DuckDB type of each column of <paramref name="tuples"/>, or <see langword="null"/> when not certain.</summary>
    public static IReadOnlyList<string>? TryDecide(CsvTuples tuples, int width)
    {
        var types = new string[width];
        for (var column = 0; column < width; column++)
        {
            var integers = 0;
            var earlyWord = false;
            foreach (var (values, _, first) in tuples.Tuples)
            {
                var value = values[column];
                if (value is null)
                {
                    continue;
                }

                if (IsPlainInteger(value))
                {
                    integers++;
                }
                else if (IsPlainWord(value))
                {
                    earlyWord |= first < EarlyRows;
                }
                else
                {
                    return null;
                }
            }

            types[column] = earlyWord ? "VARCHAR" : integers > 0 && integers == CountNonNull(tuples, column) ? "BIGINT" : "";
            if (types[column].Length == 0)
            {
                return null;
            }
        }

        // The header line is certain only when a column typed as a number has a name (never a number) on it.
        return types.Contains("BIGINT") ? types : null;
    }

    private static int CountNonNull(CsvTuples tuples, int column) => tuples.Tuples.Count(t => t.Values[column] is not null);

    /// <summary>An integer DuckDB and pandas read alike: optional minus, no leading zero, at most 18 digits.</summary>
    private static bool IsPlainInteger(string value)
    {
        var digits = value.StartsWith('-') ? value.AsSpan(1) : value;
        return digits.Length is > 0 and <= 18 && (digits[0] != '0' || digits.Length == 1) && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Text no type but VARCHAR reads: ASCII letters with inner spaces, hyphens or underscores, no digits.</summary>
    private static bool IsPlainWord(string value) =>
        value.Length >= 2 && char.IsAsciiLetter(value[0]) && char.IsAsciiLetter(value[^1])
        && value.All(c => char.IsAsciiLetter(c) || c is ' ' or '-' or '_') && !value.Contains("  ", StringComparison.Ordinal)
        && !IsSpecialWord(value);
}
