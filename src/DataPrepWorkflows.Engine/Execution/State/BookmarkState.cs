using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>A pending bookmark with what the engine needs to route its resumption.</summary>
public sealed class BookmarkState
{
    /// <summary>The bookmark as its activity created it.</summary>
    public required Bookmark Bookmark { get; set; }

    /// <summary>The scope of the activity that owns it.</summary>
    public required string ScopeId { get; set; }

    /// <summary>Why it exists.</summary>
    public BookmarkKind Kind { get; set; }
}

/// <summary>Why a bookmark exists.</summary>
public enum BookmarkKind
{
    /// <summary>Created by an activity (<see cref="ActivityContext.CreateBookmark"/>); resuming calls its ResumeAsync.</summary>
    Activity,

    /// <summary>A durable retry wait; when due, the engine runs the next attempt.</summary>
    Retry,
}
