namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// The positions (array id, element index) of the object-array elements enclosing a value. Two values can satisfy
/// the same rule only if they agree on every array they share: that is EventBridge's array-consistent matching, which
/// keeps <c>{"firstName": "Anna"}</c> and <c>{"lastName": "Jones"}</c> in different elements from matching a rule
/// that asks for Anna Jones.
/// </summary>
internal sealed class ArrayMembership : IEquatable<ArrayMembership>
{
    private readonly (int ArrayId, int Index)[] _entries;

    private ArrayMembership((int ArrayId, int Index)[] entries) => _entries = entries;

    /// <summary>Extends <paramref name="parent"/> with one more enclosing element.</summary>
    public static ArrayMembership Extend(ArrayMembership? parent, int arrayId, int index)
    {
        if (parent is null)
        {
            return new ArrayMembership([(arrayId, index)]);
        }

        var entries = new (int, int)[parent._entries.Length + 1];
        parent._entries.CopyTo(entries, 0);
        entries[^1] = (arrayId, index);
        Array.Sort(entries);
        return new ArrayMembership(entries);
    }

    /// <summary>Whether the two agree on every shared array.</summary>
    public static bool Compatible(ArrayMembership? a, ArrayMembership? b)
    {
        if (a is null || b is null)
        {
            return true;
        }

        foreach (var (arrayId, index) in a._entries)
        {
            foreach (var (otherArray, otherIndex) in b._entries)
            {
                if (arrayId == otherArray && index != otherIndex)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The union of two compatible memberships.</summary>
    public static ArrayMembership? Merge(ArrayMembership? a, ArrayMembership? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null || ReferenceEquals(a, b))
        {
            return a;
        }

        var set = new SortedSet<(int, int)>(a._entries);
        set.UnionWith(b._entries);
        return set.Count == a._entries.Length ? a : new ArrayMembership([.. set]);
    }

    public bool Equals(ArrayMembership? other) =>
        other is not null && _entries.AsSpan().SequenceEqual(other._entries);

    public override bool Equals(object? obj) => obj is ArrayMembership other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in _entries)
        {
            hash.Add(entry);
        }

        return hash.ToHashCode();
    }
}
