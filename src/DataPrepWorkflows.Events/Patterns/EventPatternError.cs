namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// Why EventBridge would refuse a pattern (or a test event), worded as AWS words it.
/// </summary>
/// <param name="Code">The AWS error code: <c>InvalidEventPatternException</c> or <c>ValidationException</c>.</param>
/// <param name="Message">
/// The full AWS message, e.g. <c>Event pattern is not valid. Reason: "int" must be an object or an array\n at [Source:
/// (String)"{"int": 42}"; line: 1, column: 11]</c>.
/// </param>
public sealed record EventPatternError(string Code, string Message)
{
    /// <summary>The error code for a rejected pattern.</summary>
    public const string InvalidEventPattern = "InvalidEventPatternException";

    /// <summary>The error code for a request parameter that fails validation (a bad test event, an oversized pattern).</summary>
    public const string Validation = "ValidationException";

    /// <summary>The reason alone, without the <c>Event pattern is not valid. Reason: </c> prefix and the location suffix.</summary>
    public string Reason
    {
        get
        {
            const string Prefix = "Event pattern is not valid. Reason: ";
            var reason = Message.StartsWith(Prefix, StringComparison.Ordinal) ? Message[Prefix.Length..] : Message;
            var at = reason.IndexOf("\n at [Source:", StringComparison.Ordinal);
            return at >= 0 ? reason[..at] : reason;
        }
    }
}
