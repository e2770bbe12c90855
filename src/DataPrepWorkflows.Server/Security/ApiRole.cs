namespace DataPrepWorkflows.Server.Security;

/// <summary>What an API key may do; each role includes every lower one.</summary>
internal enum ApiRole
{
    /// <summary>Reads definitions, instances, journals, descriptors.</summary>
    Viewer = 1,

    /// <summary>Also saves, imports, publishes and unpublishes definitions.</summary>
    Editor = 2,

    /// <summary>Also starts, cancels, retries and resumes instances.</summary>
    Operator = 3,

    /// <summary>Also deletes workflows and reads the audit log.</summary>
    Admin = 4,
}

internal static class ApiRoles
{
    public const string ClaimType = "dataprep:role";

    public static bool TryParse(string? text, out ApiRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role);

    public static string Name(ApiRole role) => role.ToString().ToLowerInvariant();
}
