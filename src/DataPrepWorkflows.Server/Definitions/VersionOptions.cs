using System.Globalization;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Server.Definitions;

/// <summary>Elsa's <c>versionOptions</c> strings as far as they pick one version: <c>Latest</c>, <c>Published</c> or a number.</summary>
internal static class VersionOptions
{
    public static bool TryParse(string? text, VersionSelector fallback, out VersionSelector selector)
    {
        selector = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (text.Equals("Latest", StringComparison.OrdinalIgnoreCase))
        {
            selector = VersionSelector.Latest;
            return true;
        }

        if (text.Equals("Published", StringComparison.OrdinalIgnoreCase))
        {
            selector = VersionSelector.Published;
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            selector = VersionSelector.Exact(number);
            return true;
        }

        return false;
    }

    public const string Expected = "must be 'Latest', 'Published' or a version number such as 3";
}
