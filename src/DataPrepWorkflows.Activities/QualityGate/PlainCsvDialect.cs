using System.Buffers;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// The dialect of a CSV file whose bytes leave DuckDB's sniffer one choice: exactly one of its candidate delimiters
/// (<c>,</c> <c>|</c> <c>;</c> tab) anywhere in the file, and no quote (<c>"</c> <c>'</c>), comment (<c>#</c>),
/// carriage return, NUL or byte-order mark anywhere either. Every quote and escape candidate then reads the file
/// alike, so the sniffer told this delimiter with no quote and no escape detects the header and column types it
/// detects on its own, without trying every dialect on its sample first. The sniffer samples from several places
/// in the file, so the whole file is checked, not its head.
/// </summary>
internal static class PlainCsvDialect
{
    private const int ChunkBytes = 1 << 20;

    private static readonly byte[] Candidates = [(byte)',', (byte)'|', (byte)';', (byte)'\t'];

    private static readonly byte[] Others = [(byte)'"', (byte)'\'', (byte)'#', (byte)'\r', 0];

    /// <summary>The one candidate delimiter in the first mebibyte; null when none or several, or a byte rules the file out.</summary>
    public static byte? HeadDelimiter(string path)
    {
        var head = new byte[ChunkBytes];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var text = head.AsSpan(0, read);
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || text.IndexOfAny(Others) >= 0)
        {
            return null;
        }

        byte? delimiter = null;
        foreach (var candidate in Candidates)
        {
            if (text.Contains(candidate))
            {
                if (delimiter is not null)
                {
                    return null;
                }

                delimiter = candidate;
            }
        }

        return delimiter;
    }

    /// <summary>Whether the whole file holds no other candidate delimiter and none of the bytes ruled out.</summary>
    public static bool WholeFileIsPlain(string path, byte delimiter, CancellationToken cancellationToken)
    {
        var forbidden = SearchValues.Create([.. Others, .. Candidates.Where(c => c != delimiter)]);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(buffer, 0, ChunkBytes)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (buffer.AsSpan(0, read).IndexOfAny(forbidden) >= 0)
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The sniffer's arguments fixing the dialect, after the path.</summary>
    public static string SniffOptions(byte delimiter) =>
        $", delim = {DqSql.Literal(((char)delimiter).ToString())}, quote = '', escape = ''";
}
