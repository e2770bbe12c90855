using System.Text;
using DataPrepWorkflows.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace DataPrepWorkflows.Server.Events;

/// <summary>
/// The credentials an EventBridge API destination's connection sends (<c>Server:EventConnections:&lt;name&gt;</c>):
/// <c>ApiKey</c> (a header name and the value's hash) or <c>Basic</c> (a user name and the password's hash).
/// </summary>
internal sealed record EventConnection(string Name, string Type, string? HeaderName, string? Username, SecretHash Secret)
{
    public const string ApiKeyType = "ApiKey";
    public const string BasicType = "Basic";

    public static EventConnection Read(IConfigurationSection section)
    {
        var where = $"Server:EventConnections:{section.Key}";
        var type = section["Type"];
        if (string.Equals(type, ApiKeyType, StringComparison.OrdinalIgnoreCase))
        {
            var header = section["HeaderName"];
            if (string.IsNullOrWhiteSpace(header))
            {
                throw new ServerConfigurationException($"{where}:HeaderName must name the header the connection sends its key in, such as x-api-key.");
            }

            return new EventConnection(section.Key, ApiKeyType, header, null, Hash(section, where, "ValueHash"));
        }

        if (string.Equals(type, BasicType, StringComparison.OrdinalIgnoreCase))
        {
            var user = section["Username"];
            if (string.IsNullOrEmpty(user))
            {
                throw new ServerConfigurationException($"{where}:Username must be the user name the connection sends.");
            }

            return new EventConnection(section.Key, BasicType, null, user, Hash(section, where, "PasswordHash"));
        }

        throw new ServerConfigurationException($"{where}:Type must be ApiKey or Basic (the authorization type of the EventBridge connection); found '{type}'.");
    }

    public bool Accepts(HttpRequest request)
    {
        if (Type == ApiKeyType)
        {
            var value = request.Headers[HeaderName!].ToString();
            return value.Length > 0 && Secret.Matches(value);
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && Secret.Matches(decoded[(colon + 1)..])
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded[..colon]), Encoding.UTF8.GetBytes(Username!));
    }

    private static SecretHash Hash(IConfigurationSection section, string where, string key) =>
        SecretHash.TryParse(section[key], out var hash)
            ? hash
            : throw new ServerConfigurationException($"{where}:{key} must be a hash as printed by 'dataprep serve hash-key' (sha256:<salt>:<hash>).");
}
