using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>
/// Signs a JSON-protocol POST with Signature Version 4. The canonical request is ours (a POST with no query string and
/// four or five headers); key derivation, string-to-sign and the Authorization value come from AWSSDK.Core's signer.
/// </summary>
internal static class SigV4Signer
{
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    public static void Sign(HttpRequestMessage request, byte[] body, ImmutableCredentials credentials, string region, string service, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request.RequestUri);
        var signedAt = now.UtcDateTime;
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove(DateHeader);
        request.Headers.TryAddWithoutValidation(DateHeader, amzDate);
        if (credentials.UseToken)
        {
            request.Headers.Remove(SecurityTokenHeader);
            request.Headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.Token);
        }

        var headers = CanonicalHeaders(request);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(CanonicalPath(request.RequestUri)).Append('\n')
            .Append(CanonicalQuery(request.RequestUri)).Append('\n');
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt, service, signedHeaders, canonical.ToString());
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    /// <summary>Lower-case names, sorted, values trimmed with inner runs of spaces collapsed (SigV4 rules).</summary>
    private static SortedDictionary<string, string> CanonicalHeaders(HttpRequestMessage request)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.Headers.Host ?? request.RequestUri!.Authority,
        };
        var all = request.Content is null ? request.Headers : request.Headers.Concat(request.Content.Headers);
        foreach (var header in all)
        {
            var name = header.Key.ToLowerInvariant();
            if (name is "content-type" or "x-amz-target" or "x-amz-date" or "x-amz-security-token")
            {
                headers[name] = string.Join(',', header.Value.Select(Collapse));
            }
        }

        return headers;
    }

    private static string Collapse(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string CanonicalPath(Uri uri) => uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;

    private static string CanonicalQuery(Uri uri)
    {
        if (uri.Query.Length <= 1)
        {
            return string.Empty;
        }

        return string.Join('&', uri.Query[1..].Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: Encode(kv[0]), Value: Encode(kv.Length > 1 ? kv[1] : string.Empty)))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));
    }

    private static string Encode(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component));
}
