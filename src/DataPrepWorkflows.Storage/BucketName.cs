using System.Net;

namespace DataPrepWorkflows.Storage;

/// <summary>The S3 general-purpose bucket naming rules, checked before any request is made.</summary>
public static class BucketName
{
    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    /// <summary>Returns why <paramref name="name"/> is not a valid bucket name, or <see langword="null"/> when it is.</summary>
    /// <param name="name">The candidate bucket name.</param>
    public static string? Explain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 3 or > 63)
        {
            return $"bucket name '{name}' must be 3 to 63 characters long";
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            {
                return $"bucket name '{name}' may contain only lowercase letters, digits, '.' and '-' (found '{c}')";
            }
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return $"bucket name '{name}' must begin and end with a letter or digit";
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return $"bucket name '{name}' must not contain two adjacent periods";
        }

        if (name.Count(c => c == '.') == 3 && IPAddress.TryParse(name, out _))
        {
            return $"bucket name '{name}' must not be formatted as an IP address";
        }

        foreach (var prefix in ReservedPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return $"bucket name '{name}' must not start with the reserved prefix '{prefix}'";
            }
        }

        foreach (var suffix in ReservedSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return $"bucket name '{name}' must not end with the reserved suffix '{suffix}'";
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/> follows the S3 bucket naming rules.</summary>
    /// <param name="name">The candidate bucket name.</param>
    public static bool IsValid(string name) => Explain(name) is null;
}
