using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>AWS Step Functions Retry and Catch semantics: error matching and back-off waits.</summary>
internal static class RetryPolicy
{
    /// <summary>
    /// Whether <paramref name="errorEquals"/> matches <paramref name="error"/>: by name, <c>States.ALL</c> for every
    /// error, <c>States.TaskFailed</c> for every error except <c>States.Timeout</c>.
    /// </summary>
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        foreach (var candidate in errorEquals)
        {
            if (string.Equals(candidate, error, StringComparison.Ordinal)
                || string.Equals(candidate, ActivityError.All, StringComparison.Ordinal)
                || (string.Equals(candidate, ActivityError.TaskFailed, StringComparison.Ordinal)
                    && !string.Equals(error, ActivityError.Timeout, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The wait before the <paramref name="retry"/>-th retry (1-based) of <paramref name="retrier"/>:
    /// min(IntervalSeconds × BackoffRate^(retry−1), MaxDelaySeconds), and with FULL jitter a random time in [0, wait].
    /// </summary>
    public static TimeSpan Wait(Retrier retrier, int retry, Random random)
    {
        var seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, retry - 1);
        if (retrier.MaxDelaySeconds is { } max && seconds > max)
        {
            seconds = max;
        }

        if (retrier.JitterStrategy == JitterStrategy.Full)
        {
            seconds *= random.NextDouble();
        }

        // Millisecond resolution keeps persisted timers exact and readable.
        return TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
    }
}
