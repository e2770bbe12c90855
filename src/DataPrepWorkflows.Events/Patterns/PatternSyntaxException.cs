namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// Carries a pattern rejection from deep inside the compiler to <see cref="EventPattern.Parse"/>, which turns it into an
/// <see cref="EventPatternError"/>. Never escapes the assembly.
/// </summary>
internal sealed class PatternSyntaxException : Exception
{
    public PatternSyntaxException(string reason)
        : base(reason)
    {
    }

    public PatternSyntaxException()
    {
    }

    public PatternSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
