using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// Opaque keyset tokens: the sort key of the last item of a page, so the next page starts after it without an
/// offset scan, however many rows precede it.
/// </summary>
internal static class PageTokens
{
    public static string Encode(long number, string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(number.ToString(CultureInfo.InvariantCulture) + "|" + text))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (long Number, string Text) Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var bar = decoded.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(decoded.AsSpan(0, bar), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return (number, decoded[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new PersistenceException("DPS006", $"The page token '{token}' is not valid; pass back the nextPageToken of the previous page unchanged, or none for the first page.");
    }

    public static int PageSize(int requested) => requested is < 1 or > 1000
        ? throw new ArgumentOutOfRangeException(nameof(requested), requested, "The page size must be between 1 and 1000.")
        : requested;
}
