using DataPrepWorkflows.Server.Problems;

namespace DataPrepWorkflows.Server.Requests;

/// <summary>
/// Numeric query parameters with a range (page sizes, journal limits, positions): a value outside it is a 400 naming
/// the parameter and the range, the same on every endpoint, never quietly clamped.
/// </summary>
internal static class QueryRange
{
    /// <summary>The most items one page of a listing holds (<c>pageSize</c>).</summary>
    public const int MaxPageSize = 500;

    /// <summary>The most journal entries one read returns (<c>limit</c>, <c>journalLimit</c>).</summary>
    public const int MaxJournalEntries = 10_000;

    /// <summary><paramref name="value"/>, or <paramref name="fallback"/> when absent; a problem when outside 1..<paramref name="max"/>.</summary>
    public static ApiProblem? Count(string name, int? value, int fallback, int max, out int result)
    {
        result = value ?? fallback;
        return result < 1 || result > max
            ? ApiProblems.BadParameter(name, $"must be between 1 and {max:N0}; found {result}.")
            : null;
    }

    /// <summary>A position to read after (0, the default, is the start); a problem when negative.</summary>
    public static ApiProblem? Position(string name, long? value, out long result)
    {
        result = value ?? 0;
        return result < 0 ? ApiProblems.BadParameter(name, $"must be 0 or more; found {result}.") : null;
    }
}
