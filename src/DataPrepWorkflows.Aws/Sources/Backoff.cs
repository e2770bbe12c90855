namespace DataPrepWorkflows.Aws.Sources;

/// <summary>Exponential back-off: base × 2^(attempt−1), capped; the error form adds "equal jitter" (half fixed, half random).</summary>
internal static class Backoff
{
    public static TimeSpan Exponential(TimeSpan baseDelay, TimeSpan max, int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Between half and all of the exponential delay, so receivers that failed together do not retry together.</summary>
    public static TimeSpan Jittered(TimeSpan baseDelay, TimeSpan max, int attempt, double random)
    {
        var full = Exponential(baseDelay, max, attempt);
        return TimeSpan.FromTicks(full.Ticks / 2 + (long)(full.Ticks / 2 * Math.Clamp(random, 0, 1)));
    }

    /// <summary>Whole seconds for SQS, rounded up so a back-off is never shorter than asked.</summary>
    public static int Seconds(TimeSpan delay) => (int)Math.Min(Math.Ceiling(delay.TotalSeconds), SqsEventSourceOptions.MaxVisibilityTimeout.TotalSeconds);
}
