namespace DataPrepWorkflows.Activities.Features;

/// <summary>A feature store call a user can fix: an unknown group, a bad argument, unreadable data.</summary>
public sealed class FeatureStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">One of <see cref="FeatureStoreErrors"/>.</param>
    /// <param name="message">What went wrong and what to do.</param>
    public FeatureStoreException(string error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the exception with its cause.</summary>
    public FeatureStoreException(string error, string message, Exception inner)
        : base(message, inner) => Error = error;

    /// <summary>One of <see cref="FeatureStoreErrors"/>.</summary>
    public string Error { get; }
}
