namespace DataPrepWorkflows.Server;

/// <summary>
/// Makes API keys and the hashes the server's configuration holds (<c>Server:ApiKeys:&lt;name&gt;:Hash</c>,
/// an event connection's <c>ValueHash</c> or <c>PasswordHash</c>); <c>dataprep serve hash-key</c> prints them.
/// </summary>
public static class ApiKeyHashing
{
    /// <summary>A new random key: 256 bits, URL-safe base64 (43 characters).</summary>
    public static string NewKey() => Security.SecretHash.NewKey();

    /// <summary>The salted hash of <paramref name="secret"/> as configuration takes it: <c>sha256:&lt;salt&gt;:&lt;hash&gt;</c>.</summary>
    public static string Hash(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Security.SecretHash.Create(secret).ToString();
    }

    /// <summary>Whether <paramref name="secret"/> matches <paramref name="hash"/> (constant-time); false for a malformed hash.</summary>
    public static bool Verify(string secret, string hash) =>
        Security.SecretHash.TryParse(hash, out var parsed) && parsed.Matches(secret);
}
