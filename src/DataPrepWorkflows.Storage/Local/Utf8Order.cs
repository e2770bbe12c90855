namespace DataPrepWorkflows.Storage.Local;

/// <summary>
/// S3 orders keys by their UTF-8 bytes, which is code-point order. UTF-16 ordinal order agrees except between
/// surrogates (code points above U+FFFF) and U+E000–U+FFFF, so only the first differing code unit needs fixing up.
/// </summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static Utf8Order Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        return CodePointRank(x[common]).CompareTo(CodePointRank(y[common]));
    }

    // Surrogates move above U+E000–U+FFFF; both ranges keep their internal order.
    private static int CodePointRank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
