using System.Globalization;

namespace DataPrepWorkflows.Http.Requests;

/// <summary>
/// Chooses <see cref="SendHttpRequest"/>'s outcome for a status code among the expected ones: an exact code
/// (<c>404</c>) wins over a class (<c>4xx</c>); no match is <see cref="Failed"/>.
/// </summary>
internal static class StatusOutcomes
{
    public const string Failed = "Failed";

    public static string For(int status, IReadOnlyList<string> expected)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        var exact = expected.FirstOrDefault(e => e.Trim() == code);
        if (exact is not null)
        {
            return exact;
        }

        var family = expected.FirstOrDefault(e => e.Trim().Length == 3 && e.Trim()[0] == code[0]
            && e.Trim()[1..].Equals("xx", StringComparison.OrdinalIgnoreCase));
        return family ?? Failed;
    }

    /// <summary>Whether an expected entry is a code (<c>100</c>–<c>599</c>) or a class (<c>2xx</c>).</summary>
    public static bool IsValid(string entry)
    {
        var text = entry.Trim();
        return text.Length == 3 && text[0] is >= '1' and <= '5'
            && ((char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2])) || text[1..].Equals("xx", StringComparison.OrdinalIgnoreCase));
    }
}
