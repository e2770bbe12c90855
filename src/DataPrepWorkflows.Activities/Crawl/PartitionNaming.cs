using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>Names and types of partition keys and tables, as the crawler derives them from folder names.</summary>
internal static class PartitionNaming
{
    /// <summary>The key when every segment is <c>key=value</c> with one key, else <see langword="null"/>.</summary>
    public static string? HiveKey(IReadOnlyList<string> segments)
    {
        string? key = null;
        foreach (var segment in segments)
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            var candidate = Sanitize(segment[..eq]);
            if (key is not null && key != candidate)
            {
                return null;
            }

            key = candidate;
        }

        return key;
    }

    /// <summary>The value of a <c>key=value</c> segment, with Hive's <c>%XX</c> escapes decoded.</summary>
    public static string HiveValue(string segment) => Uri.UnescapeDataString(segment[(segment.IndexOf('=', StringComparison.Ordinal) + 1)..]);

    /// <summary><c>bigint</c> when every value is a whole number, <c>double</c> when every value is a number, else <c>string</c>.</summary>
    public static string InferType(IEnumerable<string> values)
    {
        var integers = true;
        var numbers = true;
        foreach (var value in values)
        {
            integers &= long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            numbers &= double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }

        return integers ? "bigint" : numbers ? "double" : "string";
    }

    /// <summary>Lower case, with every character other than a-z, 0-9 and <c>_</c> replaced by <c>_</c>, as Glue names tables.</summary>
    public static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            text.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        return text.Length == 0 ? "_" : text.ToString();
    }
}
