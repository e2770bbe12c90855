namespace DataPrepWorkflows.Cli.Console;

/// <summary>
/// A problem the user can fix (a missing file, a bad option, an invalid configuration). Printed as one line with its
/// stable code; never shown as a stack trace.
/// </summary>
internal sealed class UserError(string code, string message) : Exception(message)
{
    /// <summary>Stable code, for example <c>DPC003</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>The CLI's stable error codes (documented in the README's CLI section).</summary>
internal static class CliErrorCodes
{
    /// <summary>appsettings.json cannot be read or a setting is invalid.</summary>
    public const string InvalidConfiguration = "DPC001";

    /// <summary>A plugin assembly named in configuration is missing or cannot be loaded.</summary>
    public const string PluginNotLoadable = "DPC002";

    /// <summary>A file or folder given on the command line does not exist.</summary>
    public const string FileNotFound = "DPC003";

    /// <summary>An <c>--input</c> or <c>--input-file</c> value is malformed or does not fit the workflow's inputs.</summary>
    public const string InvalidInput = "DPC004";

    /// <summary>No activity type has the name given to <c>describe</c>.</summary>
    public const string UnknownActivityType = "DPC005";

    /// <summary>The workflow file has errors, so it cannot run.</summary>
    public const string InvalidWorkflow = "DPC006";

    /// <summary>A dataset cannot be read or written (format, options, path).</summary>
    public const string InvalidData = "DPC007";

    /// <summary>A catalog database or table does not exist.</summary>
    public const string CatalogEntityNotFound = "DPC008";
}
