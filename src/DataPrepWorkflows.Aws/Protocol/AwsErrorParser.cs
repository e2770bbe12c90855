using System.Net;
using System.Text.Json;

namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>
/// Reads an AWS JSON error answer as botocore does: <c>__type</c> (or <c>code</c>) with anything after <c>:</c> and up to
/// the last <c>#</c> removed, <c>message</c> or <c>Message</c>; the <c>x-amzn-ErrorType</c> header or the HTTP status
/// when the body has none.
/// </summary>
internal static class AwsErrorParser
{
    public static (string Code, string Message) Parse(HttpStatusCode status, string? errorTypeHeader, ReadOnlySpan<byte> body)
    {
        string? code = null;
        string? message = null;
        try
        {
            if (!body.IsEmpty)
            {
                using var document = JsonDocument.Parse(body.ToArray());
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    code = Text(document.RootElement, "__type") ?? Text(document.RootElement, "code") ?? Text(document.RootElement, "Code");
                    message = Text(document.RootElement, "message") ?? Text(document.RootElement, "Message");
                }
            }
        }
        catch (JsonException)
        {
            // A proxy or load balancer answered with HTML or text: fall back to the header and status below.
        }

        code ??= errorTypeHeader;
        return (code is null ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : Normalize(code), message ?? status.ToString());
    }

    public static string Normalize(string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        var withoutUri = colon >= 0 ? code[..colon] : code;
        var hash = withoutUri.LastIndexOf('#');
        return hash >= 0 ? withoutUri[(hash + 1)..] : withoutUri;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
