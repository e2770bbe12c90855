namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>JSON pointer → position in the file, for every value of a parsed workflow file.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions;

    internal SourceMap(Dictionary<string, SourcePosition> positions) => _positions = positions;

    /// <summary>A map with no positions (for definitions built in code).</summary>
    public static SourceMap Empty { get; } = new([]);

    /// <summary>The position of <paramref name="pointer"/>, or <c>null</c> when the file has no such value.</summary>
    public SourcePosition? Find(string pointer) =>
        _positions.TryGetValue(pointer, out var position) ? position : null;

    /// <summary>
    /// The position of <paramref name="pointer"/> or, when it does not exist (a missing property), of its nearest
    /// existing parent; <c>null</c> only for an empty map.
    /// </summary>
    public SourcePosition? FindNearest(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return null;
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? "" : current[..slash];
        }
    }
}
