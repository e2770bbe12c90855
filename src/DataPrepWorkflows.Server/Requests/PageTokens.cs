using DataPrepWorkflows.Server.Problems;

namespace DataPrepWorkflows.Server.Requests;

/// <summary>A page token the store did not give out becomes a 400 naming the parameter.</summary>
internal static class PageTokens
{
    /// <summary>The store's code for a page token that is not one of its own.</summary>
    public const string InvalidCode = "DPS006";

    public static ApiProblem Invalid() =>
        ApiProblems.BadParameter("pageToken", "is not a token this listing gave out; pass back nextPageToken unchanged, or none for the first page.");
}
