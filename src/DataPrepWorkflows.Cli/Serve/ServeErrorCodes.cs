namespace DataPrepWorkflows.Cli.Serve;

/// <summary>The stable error codes of <c>dataprep serve</c> (DPC060–DPC069).</summary>
internal static class ServeErrorCodes
{
    /// <summary>The configuration file given with <c>--config</c> does not exist or is not valid JSON.</summary>
    public const string ConfigurationFile = "DPC060";

    /// <summary>The runtime store cannot be opened (unknown provider, unreachable database, newer schema, failed migration).</summary>
    public const string StoreUnavailable = "DPC061";

    /// <summary>The <c>Server</c> configuration section is invalid (a key hash, a role, a limit).</summary>
    public const string InvalidServerSettings = "DPC062";

    /// <summary>The address given with <c>--urls</c> is malformed or already in use.</summary>
    public const string AddressUnavailable = "DPC063";

    /// <summary><c>hash-key</c> was given an empty key.</summary>
    public const string EmptyKey = "DPC064";
}
