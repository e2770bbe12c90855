using System.Security.Cryptography;
using System.Text;

namespace DataPrepWorkflows.Server.Security;

/// <summary>
/// A secret (an API key, a connection's password) kept only as <c>sha256:&lt;salt&gt;:&lt;hash&gt;</c>: SHA-256 over a
/// per-secret random salt and the secret, both base64. Keys are 256-bit random tokens, so a fast salted hash is enough
/// and every request can check every configured key; comparison is constant-time.
/// </summary>
internal sealed class SecretHash
{
    private const string Scheme = "sha256";

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private SecretHash(byte[] salt, byte[] hash)
    {
        _salt = salt;
        _hash = hash;
    }

    public static SecretHash Create(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new SecretHash(salt, Digest(salt, secret));
    }

    public static bool TryParse(string? text, out SecretHash hash)
    {
        hash = null!;
        var parts = text?.Split(':');
        if (parts is not [Scheme, var salt, var digest])
        {
            return false;
        }

        try
        {
            var saltBytes = Convert.FromBase64String(salt);
            var digestBytes = Convert.FromBase64String(digest);
            if (saltBytes.Length < 8 || digestBytes.Length != 32)
            {
                return false;
            }

            hash = new SecretHash(saltBytes, digestBytes);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A new random API key (URL-safe, 43 characters).</summary>
    public static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool Matches(string secret) => CryptographicOperations.FixedTimeEquals(Digest(_salt, secret), _hash);

    public override string ToString() => $"{Scheme}:{Convert.ToBase64String(_salt)}:{Convert.ToBase64String(_hash)}";

    private static byte[] Digest(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var buffer = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(buffer, 0);
        secretBytes.CopyTo(buffer, salt.Length);
        return SHA256.HashData(buffer);
    }
}
