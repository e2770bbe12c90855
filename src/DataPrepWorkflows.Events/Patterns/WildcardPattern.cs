using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// A wildcard value: <c>*</c> matches any run of characters (including none), <c>\*</c> is a literal star and
/// <c>\\</c> a literal backslash. Matching is a linear scan over the literal pieces between stars.
/// </summary>
internal sealed class WildcardPattern
{
    private readonly string[] _pieces;
    private readonly bool _startsWithStar;
    private readonly bool _endsWithStar;

    private WildcardPattern(string source, string[] pieces, bool startsWithStar, bool endsWithStar)
    {
        Source = source;
        _pieces = pieces;
        _startsWithStar = startsWithStar;
        _endsWithStar = endsWithStar;
    }

    /// <summary>The literal pieces between stars (unescaped); one piece means no star.</summary>
    public IReadOnlyList<string> Pieces => _pieces;

    /// <summary>The pattern as written.</summary>
    public string Source { get; }

    /// <summary>
    /// Parses a wildcard value. Positions in rejections count UTF-8 bytes of the value wrapped in quotes, as EventBridge
    /// reports them.
    /// </summary>
    public static WildcardPattern Parse(string value)
    {
        var bytes = Encoding.UTF8.GetBytes("\"" + value + "\"");
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'*' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'*')
            {
                throw new PatternSyntaxException("Consecutive wildcard characters at pos " + i.ToString(CultureInfo.InvariantCulture));
            }

            if (bytes[i] == (byte)'\\')
            {
                if (i + 1 < bytes.Length && bytes[i + 1] is (byte)'*' or (byte)'\\')
                {
                    i++;
                    continue;
                }

                throw new PatternSyntaxException("Invalid escape character at pos " + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        var pieces = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                current.Append(value[++i]);
            }
            else if (c == '*')
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        pieces.Add(current.ToString());
        return new WildcardPattern(value, [.. pieces], pieces.Count > 1 && pieces[0].Length == 0, pieces.Count > 1 && pieces[^1].Length == 0);
    }

    /// <summary>Whether <paramref name="value"/> matches the whole pattern.</summary>
    public bool IsMatch(ReadOnlySpan<char> value) => Matches(value, new OwnPieces(_pieces));

    /// <summary>
    /// Whether <paramref name="value"/> matches the wildcard made of <paramref name="pieces"/>: the first piece at the
    /// start, the last at the end, the middle ones in order between them, each found as early as possible.
    /// </summary>
    public static bool Matches<TPieces>(ReadOnlySpan<char> value, TPieces pieces)
        where TPieces : struct, IWildcardPieces
    {
        var count = pieces.Count;
        if (count == 1)
        {
            return value.SequenceEqual(pieces[0]);
        }

        var first = pieces[0];
        var last = pieces[count - 1];
        if (value.Length < first.Length + last.Length || !value.StartsWith(first) || !value.EndsWith(last))
        {
            return false;
        }

        var middle = value[first.Length..^last.Length];
        for (var i = 1; i < count - 1; i++)
        {
            var piece = pieces[i];
            var at = middle.IndexOf(piece);
            if (at < 0)
            {
                return false;
            }

            middle = middle[(at + piece.Length)..];
        }

        return true;
    }

    /// <summary>True when the pattern has a leading star (used to pick an index strategy).</summary>
    public bool StartsWithStar => _startsWithStar;

    /// <summary>True when the pattern has a trailing star.</summary>
    public bool EndsWithStar => _endsWithStar;

    private readonly struct OwnPieces(string[] pieces) : IWildcardPieces
    {
        public int Count => pieces.Length;

        public ReadOnlySpan<char> this[int index] => pieces[index];
    }
}
