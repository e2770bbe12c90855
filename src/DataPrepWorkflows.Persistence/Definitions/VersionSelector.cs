namespace DataPrepWorkflows.Persistence;

/// <summary>Which version of a workflow to get.</summary>
public readonly record struct VersionSelector
{
    private VersionSelector(VersionKind kind, int number)
    {
        Kind = kind;
        Number = number;
    }

    /// <summary>How the version is chosen.</summary>
    public VersionKind Kind { get; }

    /// <summary>The version number when <see cref="Kind"/> is <see cref="VersionKind.Exact"/>.</summary>
    public int Number { get; }

    /// <summary>The highest version, published or not.</summary>
    public static VersionSelector Latest => new(VersionKind.Latest, 0);

    /// <summary>The published version.</summary>
    public static VersionSelector Published => new(VersionKind.Published, 0);

    /// <summary>Exactly version <paramref name="version"/>.</summary>
    public static VersionSelector Exact(int version) => new(VersionKind.Exact, version);
}

/// <summary>How a <see cref="VersionSelector"/> chooses.</summary>
public enum VersionKind
{
    /// <summary>The highest version.</summary>
    Latest,

    /// <summary>The published version.</summary>
    Published,

    /// <summary>A given version number.</summary>
    Exact,
}
