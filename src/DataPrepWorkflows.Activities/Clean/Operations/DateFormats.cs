using System.Text;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>DataBrew date format strings (<c>yyyy-mm-dd HH:MM:SS</c>, <c>dd month yyyy</c>) as DuckDB strftime formats.</summary>
internal static class DateFormats
{
    public const string Default = "yyyy-mm-dd HH:MM:SS";

    private static readonly (string Token, string Format)[] Tokens =
    [
        ("month", "%B"), ("mon", "%b"), ("yyyy", "%Y"), ("yy", "%y"), ("mm", "%m"), ("dd", "%d"), ("HH", "%H"), ("MM", "%M"), ("SS", "%S"),
    ];

    public static string ToStrftime(string format)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var match = Tokens.FirstOrDefault(t => string.CompareOrdinal(format, i, t.Token, 0, t.Token.Length) == 0);
            if (match.Token is not null)
            {
                result.Append(match.Format);
                i += match.Token.Length;
            }
            else
            {
                result.Append(format[i] == '%' ? "%%" : format[i].ToString());
                i++;
            }
        }

        return result.ToString();
    }

    public static string Format(string timestamp, string format) => $"strftime({timestamp}, {Sql.Str(ToStrftime(format))})";
}
