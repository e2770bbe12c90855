using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// The frozen automaton in a flat layout: every state is one contiguous run of <see cref="Code"/>, so reaching a cold
/// state costs a cache line or two instead of a chain of objects (state, field list, transitions, test array, key
/// strings, matchers). With ten thousand rules those misses, not the comparisons, are most of the matching cost.
/// </summary>
/// <remarks>
/// A state at offset <c>s</c>: its id (for visit stamps), the terminal count and rule indexes, the field count (or
/// <see cref="SingleTest"/> and one exact test), then
/// one block per field: path id, block length, absent targets (count, targets), any-value targets (count, targets),
/// string tests (count, then relation, key start in <see cref="Chars"/>, key length, target each), numeric ranges
/// (count, then low and high as two ints each, open flags, target), shared matchers (count, then matcher index and
/// target), wildcards and anything-but prefixes (count, then target, piece count and pieces as key start and length
/// each), exact values by hash (slot count, a power of two, the shortest and longest key length, then hash, key
/// start, key length or -1 for an empty slot, and target each; a key with several targets takes several slots), and
/// the index of the field's other hash indexes (see <see cref="LoweredField.Rest"/>) or -1. A target is a state's
/// offset, or <c>~rule</c> when reaching it completes exactly that rule and nothing else.
/// </remarks>
internal sealed class AutomatonCode(int[] code, char[] chars, ValueMatcher[] matchers, FieldTransitions[] rest)
{
    /// <summary>Relation bit for case-insensitive string tests; the low bits are <see cref="SmallStringIndex.Kind"/>.</summary>
    public const int IgnoreCase = 4;

    /// <summary>
    /// In place of a state's field count: the state is one exact string test, laid out as path id, key start, key
    /// length and target (<see cref="SingleTestStateSize"/> ints in all, with the id and the zero terminal count).
    /// </summary>
    public const int SingleTest = -1;

    public const int SingleTestStateSize = 7;

    public const int LowOpen = 1;

    public const int HighOpen = 2;

    public int[] Code { get; } = code;

    public char[] Chars { get; } = chars;

    /// <summary>Whether <paramref name="value"/> passes the single exact test laid out at <paramref name="test"/> (after the path id).</summary>
    public bool PassesSingleTest(int test, in EventValue value) =>
        value.Kind == EventValueKind.String && IsMatch(value.Text, (int)SmallStringIndex.Kind.Exact, Code[test], Code[test + 1]);

    /// <summary>Offset of a field block's absent targets (their count first).</summary>
    public static int AbsentAt(int field) => field + 2;

    /// <summary>Appends the targets <paramref name="value"/> leads to from the field block at <paramref name="field"/>.</summary>
    public void Collect(int field, in EventValue value, List<int> targets)
    {
        var code = Code;
        var at = field + 2;
        at += 1 + code[at];
        var count = code[at++];
        for (var i = 0; i < count; i++)
        {
            targets.Add(code[at + i]);
        }

        at += count;
        count = code[at++];
        if (count > 0 && value.Kind == EventValueKind.String)
        {
            var text = value.Text.AsSpan();
            for (var i = 0; i < count; i++, at += 4)
            {
                if (IsMatch(text, code[at], code[at + 1], code[at + 2]))
                {
                    targets.Add(code[at + 3]);
                }
            }
        }
        else
        {
            at += 4 * count;
        }

        count = code[at++];
        if (count > 0 && value.Kind == EventValueKind.Number && value.IsComparable)
        {
            var scaled = value.Scaled;
            for (var i = 0; i < count; i++, at += 6)
            {
                var low = Join(code[at], code[at + 1]);
                var high = Join(code[at + 2], code[at + 3]);
                var open = code[at + 4];
                if (((open & LowOpen) != 0 ? scaled > low : scaled >= low) && ((open & HighOpen) != 0 ? scaled < high : scaled <= high))
                {
                    targets.Add(code[at + 5]);
                }
            }
        }
        else
        {
            at += 6 * count;
        }

        count = code[at++];
        for (var i = 0; i < count; i++, at += 2)
        {
            if (matchers[code[at]].Matches(value))
            {
                targets.Add(code[at + 1]);
            }
        }

        at = CollectWildcards(code, at, value, targets);
        at = CollectExcludedPrefixes(code, at, value, targets);
        count = code[at];
        if (count > 0 && value.Kind == EventValueKind.String && value.Text.Length >= code[at + 1] && value.Text.Length <= code[at + 2])
        {
            // Outside the keys' length range (a 300-character object key against short manifest names) there is
            // nothing to hash.
            CollectHashed(code, at + 3, count, value.Text, targets);
        }

        at += 3 + (4 * count);
        if (code[at] >= 0)
        {
            rest[code[at]].Collect(value, targets);
        }
    }

    /// <summary>
    /// A cheap hash of a string for the inline tables (not for untrusted hash-flooding resistance: the keys come from
    /// the rules, and a collision only costs a comparison).
    /// </summary>
    public static int Hash(ReadOnlySpan<char> text)
    {
        var bytes = MemoryMarshal.AsBytes(text);
        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL, 31);
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53UL;
        return (int)(hash ^ (hash >> 29));
    }

    public static int Low(long value) => (int)value;

    public static int High(long value) => (int)(value >> 32);

    private static long Join(int low, int high) => ((long)high << 32) | (uint)low;

    /// <summary>Wildcards (count, then target, piece count and pieces each): EventBridge's semantics as in
    /// <see cref="WildcardPattern.IsMatch"/> — the first piece is a prefix, the last a suffix, the middle ones found in
    /// order between them. Returns the offset after the section.</summary>
    private int CollectWildcards(int[] code, int at, in EventValue value, List<int> targets)
    {
        var count = code[at++];
        for (var i = 0; i < count; i++)
        {
            var target = code[at];
            var pieces = code[at + 1];
            if (value.Kind == EventValueKind.String && IsWildcardMatch(value.Text, code, at + 2, pieces))
            {
                targets.Add(target);
            }

            at += 2 + (2 * pieces);
        }

        return at;
    }

    private bool IsWildcardMatch(ReadOnlySpan<char> text, int[] code, int piecesAt, int pieces) =>
        WildcardPattern.Matches(text, new PooledPieces(Chars, code, piecesAt, pieces));

    /// <summary>Anything-but prefixes (count, then target, prefix count and prefixes each): any value but a string
    /// starting with one of them. Returns the offset after the section.</summary>
    private int CollectExcludedPrefixes(int[] code, int at, in EventValue value, List<int> targets)
    {
        var count = code[at++];
        for (var i = 0; i < count; i++)
        {
            var target = code[at];
            var prefixes = code[at + 1];
            var excluded = false;
            if (value.Kind == EventValueKind.String)
            {
                var text = value.Text.AsSpan();
                for (var p = 0; p < prefixes && !excluded; p++)
                {
                    excluded = text.StartsWith(Chars.AsSpan(code[at + 2 + (2 * p)], code[at + 3 + (2 * p)]));
                }
            }

            if (!excluded)
            {
                targets.Add(target);
            }

            at += 2 + (2 * prefixes);
        }

        return at;
    }

    /// <summary>Linear probing over slots of (hash, key start, key length, target); a key length of -1 ends a run.</summary>
    private void CollectHashed(int[] code, int table, int slots, string value, List<int> targets)
    {
        var text = value.AsSpan();
        var hash = Hash(text);
        var mask = slots - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var at = table + (4 * slot);
            var length = code[at + 2];
            if (length < 0)
            {
                return;
            }

            if (code[at] == hash && length == text.Length && text.SequenceEqual(Chars.AsSpan(code[at + 1], length)))
            {
                targets.Add(code[at + 3]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsMatch(ReadOnlySpan<char> text, int relation, int start, int length)
    {
        // The key's length sits next to the test, so a value of the wrong length never touches the key's characters
        // (with thousands of distinct exact keys those would be cold).
        switch (relation)
        {
            case (int)SmallStringIndex.Kind.Exact:
                return text.Length == length && text.SequenceEqual(Chars.AsSpan(start, length));
            case (int)SmallStringIndex.Kind.Prefix:
                return text.Length >= length && text[..length].SequenceEqual(Chars.AsSpan(start, length));
            case (int)SmallStringIndex.Kind.Suffix:
                return text.Length >= length && text[^length..].SequenceEqual(Chars.AsSpan(start, length));
            case IgnoreCase | (int)SmallStringIndex.Kind.Exact:
                return text.Length == length && text.Equals(Chars.AsSpan(start, length), StringComparison.OrdinalIgnoreCase);
            case IgnoreCase | (int)SmallStringIndex.Kind.Prefix:
                return text.StartsWith(Chars.AsSpan(start, length), StringComparison.OrdinalIgnoreCase);
            default:
                return text.EndsWith(Chars.AsSpan(start, length), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>A wildcard's pieces as (start, length) pairs in the code, their characters in <see cref="Chars"/>.</summary>
    private readonly struct PooledPieces(char[] chars, int[] code, int at, int count) : IWildcardPieces
    {
        public int Count => count;

        public ReadOnlySpan<char> this[int index] => chars.AsSpan(code[at + (2 * index)], code[at + (2 * index) + 1]);
    }
}
