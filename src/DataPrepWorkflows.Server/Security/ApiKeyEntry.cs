using Microsoft.Extensions.Configuration;

namespace DataPrepWorkflows.Server.Security;

/// <summary>One configured API key: <c>Server:ApiKeys:&lt;name&gt;:Hash</c> and <c>Role</c>.</summary>
internal sealed record ApiKeyEntry(string Name, SecretHash Hash, ApiRole Role)
{
    public static ApiKeyEntry Read(IConfigurationSection section)
    {
        var where = $"Server:ApiKeys:{section.Key}";
        if (!SecretHash.TryParse(section["Hash"], out var hash))
        {
            throw new ServerConfigurationException(
                $"{where}:Hash must be a key hash as printed by 'dataprep serve hash-key' (sha256:<salt>:<hash>); found '{section["Hash"]}'.");
        }

        if (!ApiRoles.TryParse(section["Role"], out var role))
        {
            throw new ServerConfigurationException(
                $"{where}:Role must be one of viewer, editor, operator, admin; found '{section["Role"]}'.");
        }

        return new ApiKeyEntry(section.Key, hash, role);
    }
}
