using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.Win32.SafeHandles;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>The distinct value tuples of a few CSV columns, each with its row count and first row (0-based).</summary>
/// <param name="Rows">Data rows in the file.</param>
/// <param name="Tuples">One entry per distinct tuple; an empty field is <see langword="null"/>, as DuckDB reads it.</param>
internal sealed record CsvTuples(long Rows, IReadOnlyList<(string?[] Values, long Count, long FirstRow)> Tuples);

/// <summary>
/// Counts the distinct tuples of the columns the bias analysis needs straight from the CSV bytes, in parallel slices:
/// the metrics only need counts per (label, facet, group) value, so the rest of each row is never converted, and a
/// 1,000,000-row file costs one pass over its bytes instead of a full typed load. It handles the plain CSV the
/// sniffer describes (one-byte delimiter, no quote characters anywhere, LF or CRLF lines, the same number of fields
/// on every line); anything else returns <see langword="null"/> so the caller reads the file with DuckDB instead.
/// </summary>
internal static class CsvTupleScanner
{
    private const int BlockSize = 1 << 20;
    private const int MinSlice = 4 << 20;

    /// <summary>Scans the file, or returns <see langword="null"/> when it is not plain enough (see the class remarks).</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="quote">The quote byte the sniffer found, or 0; its presence anywhere, or a '"', ends the scan.</param>
    /// <param name="hasHeader">Whether the first line names the columns (it is skipped).</param>
    /// <param name="fieldCount">Fields on every line.</param>
    /// <param name="columns">The 0-based field positions to count, distinct.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    public static CsvTuples? TryScan(string path, byte delimiter, byte quote, bool hasHeader, int fieldCount, IReadOnlyList<int> columns, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        var head = new byte[(int)Math.Min(length, 64 * 1024)];
        var read = RandomAccess.Read(handle, head, 0);
        if (read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            return null;
        }

        long start = 0;
        if (hasHeader)
        {
            var end = head.AsSpan(0, read).IndexOf((byte)'\n');
            if (end < 0)
            {
                return null;
            }

            start = end + 1;
        }

        var slotOf = new int[fieldCount];
        Array.Fill(slotOf, -1);
        for (var i = 0; i < columns.Count; i++)
        {
            slotOf[columns[i]] = i;
        }

        var bounds = Slices(handle, start, length);
        var slices = new SliceCounts?[bounds.Count - 1];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, slices.Length, options, (i, state) =>
        {
            var scanned = new SliceScanner(delimiter, quote, fieldCount, slotOf, columns.Count).Scan(handle, bounds[i], bounds[i + 1], cancellationToken);
            slices[i] = scanned;
            if (scanned is null)
            {
                state.Stop();
            }
        });

        return slices.Any(s => s is null) ? null : Merge(slices!, columns.Count);
    }

    /// <summary>Slice boundaries at line starts, about one per <see cref="MinSlice"/> bytes and at least two per core.</summary>
    private static List<long> Slices(SafeFileHandle handle, long start, long length)
    {
        var count = (int)Math.Clamp((length - start) / MinSlice, 1, Environment.ProcessorCount * 4);
        var bounds = new List<long> { start };
        var probe = new byte[64 * 1024];
        for (var i = 1; i < count; i++)
        {
            var at = start + ((length - start) * i / count);
            while (at < length)
            {
                var read = RandomAccess.Read(handle, probe, at - 1);
                var newline = probe.AsSpan(0, read).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    at += newline;
                    break;
                }

                at += read;
            }

            if (at > bounds[^1] && at < length)
            {
                bounds.Add(at);
            }
        }

        bounds.Add(length);
        return bounds;
    }

    private static CsvTuples? Merge(SliceCounts[] slices, int width)
    {
        var merged = new Dictionary<byte[], (long Count, long First)>(TupleKeyComparer.Instance);
        long offset = 0;
        foreach (var slice in slices)
        {
            foreach (var (key, (count, first)) in slice.Tuples)
            {
                merged[key] = merged.TryGetValue(key, out var seen) ? (seen.Count + count, seen.First) : (count, offset + first);
            }

            offset += slice.Rows;
        }

        var tuples = new List<(string?[], long, long)>(merged.Count);
        foreach (var (key, (count, first)) in merged)
        {
            var values = TupleKey.Decode(key, width);
            if (values is null)
            {
                return null;
            }

            tuples.Add((values, count, first));
        }

        return new CsvTuples(offset, tuples);
    }

    private sealed record SliceCounts(long Rows, Dictionary<byte[], (long Count, long First)> Tuples);

    /// <summary>One slice's scan: field boundaries found 16 bytes at a time, each row's tuple counted in a dictionary.</summary>
    private sealed class SliceScanner
    {
        private readonly byte _delimiter;
        private readonly byte _quote;
        private readonly int _fieldCount;
        private readonly int[] _slotOf;
        private readonly int _width;
        private readonly Dictionary<byte[], (long Count, long First)> _tuples = new(TupleKeyComparer.Instance);
        private readonly Dictionary<byte[], (long Count, long First)>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
        private readonly int[] _starts;
        private readonly int[] _lengths;
        private byte[] _key = new byte[256];
        private long _rows;

        public SliceScanner(byte delimiter, byte quote, int fieldCount, int[] slotOf, int width)
        {
            _delimiter = delimiter;
            _quote = quote;
            _fieldCount = fieldCount;
            _slotOf = slotOf;
            _width = width;
            _starts = new int[width];
            _lengths = new int[width];
            _lookup = _tuples.GetAlternateLookup<ReadOnlySpan<byte>>();
        }

        public SliceCounts? Scan(SafeFileHandle handle, long from, long to, CancellationToken cancellationToken)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
            try
            {
                var carry = 0;
                var position = from;
                while (position < to)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (carry == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, carry).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var wanted = (int)Math.Min(buffer.Length - carry, to - position);
                    var read = RandomAccess.Read(handle, buffer.AsSpan(carry, wanted), position);
                    if (read <= 0)
                    {
                        return null;
                    }

                    position += read;
                    var filled = carry + read;
                    var last = position >= to;
                    var consumed = ScanLines(buffer.AsSpan(0, filled), last);
                    if (consumed < 0)
                    {
                        return null;
                    }

                    carry = filled - consumed;
                    buffer.AsSpan(consumed, carry).CopyTo(buffer);
                }

                return carry == 0 ? new SliceCounts(_rows, _tuples) : null;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>Counts the complete lines of <paramref name="data"/>; returns the bytes consumed, or -1 to give up.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int ScanLines(ReadOnlySpan<byte> data, bool final)
        {
            if (data.Contains((byte)'"') || (_quote != 0 && data.Contains(_quote)))
            {
                return -1;
            }

            var lineStart = 0;
            var fieldStart = 0;
            var field = 0;
            var delimiters = Vector128.Create(_delimiter);
            var newlines = Vector128.Create((byte)'\n');
            var block = 0;
            for (; block <= data.Length - Vector128<byte>.Count; block += Vector128<byte>.Count)
            {
                var bytes = Vector128.Create(data.Slice(block, Vector128<byte>.Count));
                var mask = (Vector128.Equals(bytes, delimiters) | Vector128.Equals(bytes, newlines)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var at = block + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    if (!Boundary(data, at, ref field, ref fieldStart, ref lineStart))
                    {
                        return -1;
                    }
                }
            }

            for (; block < data.Length; block++)
            {
                var b = data[block];
                if ((b == _delimiter || b == '\n') && !Boundary(data, block, ref field, ref fieldStart, ref lineStart))
                {
                    return -1;
                }
            }

            if (final && lineStart < data.Length)
            {
                // The last line has no line break.
                if (!Boundary(data, data.Length, ref field, ref fieldStart, ref lineStart))
                {
                    return -1;
                }
            }

            return lineStart;
        }

        /// <summary>Handles the delimiter or line break at <paramref name="at"/> (or the end of the data).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Boundary(ReadOnlySpan<byte> data, int at, ref int field, ref int fieldStart, ref int lineStart)
        {
            var endOfLine = at == data.Length || data[at] == '\n';
            var fieldEnd = endOfLine && at > fieldStart && data[at - 1] == '\r' ? at - 1 : at;
            if (field >= _fieldCount)
            {
                return false;
            }

            var slot = _slotOf[field];
            if (slot >= 0)
            {
                _starts[slot] = fieldStart;
                _lengths[slot] = fieldEnd - fieldStart;
            }

            field++;
            fieldStart = at + 1;
            if (!endOfLine)
            {
                return true;
            }

            if (field != _fieldCount)
            {
                // A blank or short line: DuckDB's reader decides what it means.
                return false;
            }

            Count(data);
            field = 0;
            lineStart = Math.Min(at + 1, data.Length);
            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Count(ReadOnlySpan<byte> data)
        {
            var size = 0;
            for (var i = 0; i < _width; i++)
            {
                size += 4 + _lengths[i];
            }

            if (size > _key.Length)
            {
                _key = new byte[Math.Max(size, _key.Length * 2)];
            }

            var key = _key.AsSpan(0, size);
            var at = 0;
            for (var i = 0; i < _width; i++)
            {
                TupleKey.Write(key, ref at, data.Slice(_starts[i], _lengths[i]));
            }

            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, key, out var exists);
            entry = exists ? (entry.Count + 1, entry.First) : (1, _rows);
            _rows++;
        }
    }
}
