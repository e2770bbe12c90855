namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>
/// The client cannot be set up: no credentials in the chain, an unknown profile, no region, a malformed endpoint.
/// The message says what to set.
/// </summary>
public sealed class AwsConfigurationException : Exception
{
    /// <summary>Creates the exception with a message saying what to set.</summary>
    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the SDK's own failure as the cause.</summary>
    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
