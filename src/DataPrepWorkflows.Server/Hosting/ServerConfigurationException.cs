namespace DataPrepWorkflows.Server;

/// <summary>The <c>Server</c> configuration section is invalid; the message names the setting and what to write.</summary>
public sealed class ServerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServerConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
