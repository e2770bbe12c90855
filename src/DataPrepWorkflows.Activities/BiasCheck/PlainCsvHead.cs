using System.Text;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// The dialect of a CSV file read from its first bytes, for the files where DuckDB's sniffer cannot decide otherwise:
/// one candidate delimiter (<c>,</c> <c>|</c> <c>;</c> or tab) present on every line the same number of times, no
/// other candidate anywhere, LF or CRLF line ends, no quote or comment characters, and a first line of distinct plain
/// identifiers (the header). Anything less clear returns <see langword="null"/> and DuckDB sniffs the file, so this
/// only ever saves the sniffer's time; <see cref="TupleTypes"/> confirms the header once the column types are known.
/// </summary>
internal sealed record PlainCsvHead(byte Delimiter, IReadOnlyList<string> Names)
{
    private const int HeadBytes = 64 * 1024;
    private const int MinLines = 3;

    private static readonly byte[] Candidates = [(byte)',', (byte)'|', (byte)';', (byte)'\t'];

    /// <summary>Reads the head of <paramref name="path"/>; <see langword="null"/> when the dialect is not certain.</summary>
    public static PlainCsvHead? TryRead(string path)
    {
        byte[] head;
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None))
        {
            head = new byte[HeadBytes];
            read = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        }

        var text = head.AsSpan(0, read);
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || text.IndexOfAny("\"'#"u8) >= 0 || text.IndexOf((byte)0) >= 0)
        {
            return null;
        }

        // Only whole lines: the last one may be cut off at the end of the head.
        var end = read == HeadBytes ? text.LastIndexOf((byte)'\n') + 1 : text.Length;
        var lines = SplitLines(text[..end]);
        if (lines is null || lines.Count < MinLines)
        {
            return null;
        }

        byte delimiter = 0;
        foreach (var candidate in Candidates)
        {
            if (text[..end].Contains(candidate))
            {
                if (delimiter != 0)
                {
                    return null;
                }

                delimiter = candidate;
            }
        }

        if (delimiter == 0)
        {
            return null;
        }

        if (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) != (delimiter == (byte)'\t'))
        {
            return null;
        }

        var fields = lines[0].Count(delimiter);
        if (fields == 0 || lines.Any(line => line.Count(delimiter) != fields))
        {
            return null;
        }

        var names = Encoding.ASCII.GetString(lines[0]).Split((char)delimiter);
        return names.All(IsPlainName) && names.Distinct(StringComparer.OrdinalIgnoreCase).Count() == names.Length
            ? new PlainCsvHead(delimiter, names)
            : null;
    }

    /// <summary>The lines without their ends; <see langword="null"/> for mixed or bare-CR line ends or empty lines.</summary>
    private static List<byte[]>? SplitLines(ReadOnlySpan<byte> text)
    {
        var lines = new List<byte[]>();
        bool? crlf = null;
        while (!text.IsEmpty)
        {
            var newline = text.IndexOf((byte)'\n');
            var line = newline < 0 ? text : text[..newline];
            text = newline < 0 ? [] : text[(newline + 1)..];
            var endsWithCr = line.Length > 0 && line[^1] == (byte)'\r';
            if (newline >= 0 && (crlf ??= endsWithCr) != endsWithCr)
            {
                return null;
            }

            line = endsWithCr ? line[..^1] : line;
            if (line.IsEmpty || line.Contains((byte)'\r'))
            {
                return null;
            }

            lines.Add(line.ToArray());
        }

        return lines;
    }

    /// <summary>A name DuckDB keeps as written and no type but text can hold: a letter or '_' first, then letters, digits, '_'.</summary>
    private static bool IsPlainName(string name) =>
        name.Length >= 2 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !TupleTypes.IsSpecialWord(name);
}
