using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Activities;

/// <summary>A point where an instance waits for something outside it. Serialisable; resumable in another process.</summary>
/// <param name="Id">Unique id of the bookmark (used to resume it).</param>
/// <param name="Name">What is awaited, for example <c>Delay</c> or <c>Label.Completed</c>.</param>
/// <param name="ActivityId">The activity that created it.</param>
/// <param name="Payload">Data the resumer needs (and that is indexed to find the bookmark).</param>
/// <param name="ResumeAt">When set, a durable timer: the bookmark is due at this time.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record Bookmark(
    string Id,
    string Name,
    string ActivityId,
    JsonNode? Payload,
    DateTimeOffset? ResumeAt,
    DateTimeOffset CreatedAt);

/// <summary>A bookmark being resumed, with what the resumer sent.</summary>
/// <param name="Bookmark">The bookmark.</param>
/// <param name="Input">The resume payload, for example the event that arrived or the person's answer.</param>
public sealed record BookmarkResumption(Bookmark Bookmark, JsonNode? Input);

/// <summary>How a child (a body run or a child workflow) ended.</summary>
/// <param name="Tag">The tag given when it was scheduled.</param>
/// <param name="Succeeded">True when it completed; false when it faulted or was cancelled.</param>
/// <param name="Outputs">Its outputs (a child workflow's outputs; a body's scope variables).</param>
/// <param name="Error">The error when it did not succeed.</param>
public sealed record ChildCompletion(string Tag, bool Succeeded, JsonObject Outputs, ActivityError? Error);
