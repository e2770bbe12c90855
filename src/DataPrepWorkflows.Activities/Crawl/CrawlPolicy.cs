using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>Glue's <c>SchemaChangePolicy</c> and <c>RecrawlPolicy</c>, with values spelled exactly as Glue spells them.</summary>
/// <param name="UpdateBehavior"><see cref="UpdateInDatabase"/> or <see cref="Log"/>.</param>
/// <param name="DeleteBehavior"><see cref="Log"/>, <see cref="DeleteFromDatabase"/> or <see cref="DeprecateInDatabase"/>.</param>
/// <param name="RecrawlBehavior"><see cref="CrawlEverything"/> or <see cref="CrawlNewFoldersOnly"/>.</param>
internal sealed record CrawlPolicy(string UpdateBehavior, string DeleteBehavior, string RecrawlBehavior)
{
    public const string UpdateInDatabase = "UPDATE_IN_DATABASE";
    public const string Log = "LOG";
    public const string DeleteFromDatabase = "DELETE_FROM_DATABASE";
    public const string DeprecateInDatabase = "DEPRECATE_IN_DATABASE";
    public const string CrawlEverything = "CRAWL_EVERYTHING";
    public const string CrawlNewFoldersOnly = "CRAWL_NEW_FOLDERS_ONLY";

    public static readonly string[] UpdateBehaviors = [UpdateInDatabase, Log];
    public static readonly string[] DeleteBehaviors = [DeprecateInDatabase, DeleteFromDatabase, Log];
    public static readonly string[] RecrawlBehaviors = [CrawlEverything, CrawlNewFoldersOnly];

    public bool NewFoldersOnly => RecrawlBehavior == CrawlNewFoldersOnly;

    /// <summary>Reads the <c>schemaChangePolicy</c> object and the <c>recrawlPolicy</c> value; Glue's defaults fill the gaps.</summary>
    /// <exception cref="ActivityFaultException"><see cref="CrawlErrors.InvalidInput"/> naming the field and the allowed values.</exception>
    public static CrawlPolicy Parse(JsonObject? schemaChangePolicy, string? recrawlPolicy)
    {
        var update = Read(schemaChangePolicy, "updateBehavior", UpdateBehaviors);
        var delete = Read(schemaChangePolicy, "deleteBehavior", DeleteBehaviors);
        var recrawl = string.IsNullOrEmpty(recrawlPolicy) ? CrawlEverything : recrawlPolicy;
        if (!RecrawlBehaviors.Contains(recrawl, StringComparer.Ordinal))
        {
            throw new ActivityFaultException(CrawlErrors.InvalidInput, $"recrawlPolicy: '{recrawl}' is not one of {string.Join(", ", RecrawlBehaviors)}.");
        }

        return new CrawlPolicy(update, delete, recrawl);
    }

    private static string Read(JsonObject? policy, string field, string[] allowed)
    {
        var pascal = char.ToUpperInvariant(field[0]) + field[1..];
        var node = policy?[field] ?? policy?[pascal];
        if (node is null)
        {
            return allowed[0];
        }

        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
        return allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new ActivityFaultException(CrawlErrors.InvalidInput, $"schemaChangePolicy.{field}: '{text}' is not one of {string.Join(", ", allowed)}.");
    }
}
