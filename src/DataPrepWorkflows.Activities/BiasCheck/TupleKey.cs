using System.Text;
using System.Text.Unicode;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>A tuple of field values as one byte key: each value as a 4-byte length and its bytes.</summary>
internal static class TupleKey
{
    public static void Write(Span<byte> key, ref int at, ReadOnlySpan<byte> value)
    {
        BitConverter.TryWriteBytes(key[at..], value.Length);
        value.CopyTo(key[(at + 4)..]);
        at += 4 + value.Length;
    }

    /// <summary>The values, an empty one as <see langword="null"/>; <see langword="null"/> when a value is not valid UTF-8.</summary>
    public static string?[]? Decode(byte[] key, int width)
    {
        var values = new string?[width];
        var at = 0;
        for (var i = 0; i < width; i++)
        {
            var length = BitConverter.ToInt32(key, at);
            var bytes = key.AsSpan(at + 4, length);
            if (!Utf8.IsValid(bytes))
            {
                return null;
            }

            values[i] = length == 0 ? null : Encoding.UTF8.GetString(bytes);
            at += 4 + length;
        }

        return values;
    }
}

/// <summary>Byte-array keys compared by content, looked up by span without allocating.</summary>
internal sealed class TupleKeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static readonly TupleKeyComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = new HashCode();
        hash.AddBytes(alternate);
        return hash.ToHashCode();
    }

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
