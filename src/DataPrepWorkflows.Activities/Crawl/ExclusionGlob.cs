using System.Text;
using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>
/// A Glue crawler exclusion pattern, matched against an object's key relative to the target path: <c>*</c> matches
/// within one folder level, <c>**</c> across levels, <c>?</c> one character, <c>[abc]</c> a class, <c>{a,b}</c>
/// alternatives, and <c>\</c> escapes the next character.
/// </summary>
internal sealed class ExclusionGlob
{
    private readonly Regex _regex;

    private ExclusionGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Whether the relative key matches.</summary>
    public bool Matches(string relativeKey) => _regex.IsMatch(relativeKey);

    /// <summary>Compiles the pattern, or returns an explanation of why it is not valid.</summary>
    public static ExclusionGlob? TryParse(string pattern, out string? error)
    {
        var regex = new StringBuilder("^");
        var braces = 0;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    // "**/" also matches no folder at all, so "**/x.csv" excludes "x.csv" at the top level too.
                    var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    regex.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 3 : 2;
                    continue;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = $"'{pattern}': '[' at position {i + 1} has no closing ']'.";
                        return null;
                    }

                    var set = pattern[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close + 1;
                    continue;
                case '{':
                    braces++;
                    regex.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    regex.Append(')');
                    break;
                case ',' when braces > 0:
                    regex.Append('|');
                    break;
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[i + 1].ToString()));
                    i += 2;
                    continue;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }

            i++;
        }

        if (braces != 0)
        {
            error = $"'{pattern}': a '{{' has no closing '}}'.";
            return null;
        }

        error = null;
        return new ExclusionGlob(pattern, new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }
}
