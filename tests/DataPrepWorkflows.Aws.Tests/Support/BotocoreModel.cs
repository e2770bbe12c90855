using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace DataPrepWorkflows.Aws.Tests.Support;

/// <summary>
/// A service model as botocore ships it (<c>botocore/data/&lt;service&gt;/&lt;version&gt;/service-2.json[.gz]</c>), used to
/// check every request our clients send: the operation exists, the target and content type follow the model's
/// metadata, required members are present, and every member has the model's name and type.
/// </summary>
internal sealed class BotocoreModel
{
    private readonly JsonElement _root;

    private BotocoreModel(JsonElement root) => _root = root;

    public JsonElement Metadata => _root.GetProperty("metadata");

    public IEnumerable<string> Operations => _root.GetProperty("operations").EnumerateObject().Select(o => o.Name);

    public static BotocoreModel Load(string service)
    {
        var folder = Path.Combine(BotocoreFolder.Value, "data", service);
        var version = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).Last();
        var plain = Path.Combine(version, "service-2.json");
        using var stream = File.Exists(plain) ? File.OpenRead(plain) : (Stream)new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(stream);
        return new BotocoreModel(document.RootElement.Clone());
    }

    /// <summary>Every way <paramref name="request"/> departs from the model; empty when it conforms.</summary>
    public IReadOnlyList<string> Problems(RecordedRequest request)
    {
        var problems = new List<string>();
        var prefix = Metadata.GetProperty("targetPrefix").GetString() + ".";
        if (!request.Target.StartsWith(prefix, StringComparison.Ordinal))
        {
            problems.Add($"X-Amz-Target '{request.Target}' does not start with '{prefix}'.");
        }

        var contentType = "application/x-amz-json-" + Metadata.GetProperty("jsonVersion").GetString();
        if (request.ContentType != contentType)
        {
            problems.Add($"{request.Operation}: Content-Type '{request.ContentType}', expected '{contentType}'.");
        }

        if (request.Authorization is null || !request.Authorization.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal))
        {
            problems.Add($"{request.Operation}: not SigV4-signed ('{request.Authorization}').");
        }

        if (!_root.GetProperty("operations").TryGetProperty(request.Operation, out var operation))
        {
            problems.Add($"The model has no operation '{request.Operation}'.");
            return problems;
        }

        using var body = JsonDocument.Parse(request.Body);
        var input = operation.TryGetProperty("input", out var shape) ? shape.GetProperty("shape").GetString()! : null;
        if (input is null)
        {
            if (body.RootElement.EnumerateObject().Any())
            {
                problems.Add($"{request.Operation} takes no input, but the body has members.");
            }

            return problems;
        }

        Check(input, body.RootElement, request.Operation, problems);
        return problems;
    }

    private void Check(string shapeName, JsonElement value, string path, List<string> problems)
    {
        var shape = _root.GetProperty("shapes").GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                if (Expect(value, JsonValueKind.Object, path, type, problems))
                {
                    var members = shape.GetProperty("members");
                    foreach (var required in shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!) : [])
                    {
                        if (!value.TryGetProperty(required, out _))
                        {
                            problems.Add($"{path}: required member '{required}' is missing.");
                        }
                    }

                    foreach (var property in value.EnumerateObject())
                    {
                        if (members.TryGetProperty(property.Name, out var member))
                        {
                            Check(member.GetProperty("shape").GetString()!, property.Value, path + "." + property.Name, problems);
                        }
                        else
                        {
                            problems.Add($"{path}: '{property.Name}' is not a member of {shapeName} ({string.Join(", ", members.EnumerateObject().Select(m => m.Name))}).");
                        }
                    }
                }

                break;
            case "list":
                if (Expect(value, JsonValueKind.Array, path, type, problems))
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(shape.GetProperty("member").GetProperty("shape").GetString()!, item, $"{path}[{index++}]", problems);
                    }
                }

                break;
            case "map":
                if (Expect(value, JsonValueKind.Object, path, type, problems))
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        Check(shape.GetProperty("value").GetProperty("shape").GetString()!, property.Value, $"{path}[{property.Name}]", problems);
                    }
                }

                break;
            case "string":
                if (Expect(value, JsonValueKind.String, path, type, problems) && shape.TryGetProperty("enum", out var values)
                    && !values.EnumerateArray().Any(v => v.GetString() == value.GetString()))
                {
                    problems.Add($"{path}: '{value.GetString()}' is not one of {string.Join(", ", values.EnumerateArray())}.");
                }

                break;
            case "integer" or "long":
                if (Expect(value, JsonValueKind.Number, path, type, problems) && !value.TryGetInt64(out _))
                {
                    problems.Add($"{path}: {type} expected, found {value.GetRawText()}.");
                }

                break;
            case "double" or "float" or "timestamp":
                Expect(value, JsonValueKind.Number, path, type, problems);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: boolean expected, found {value.ValueKind}.");
                }

                break;
            case "blob":
                if (Expect(value, JsonValueKind.String, path, type, problems) && !value.TryGetBytesFromBase64(out _))
                {
                    problems.Add($"{path}: base64 blob expected.");
                }

                break;
            default:
                problems.Add($"{path}: shape type '{type}' is not handled by this check.");
                break;
        }
    }

    private static bool Expect(JsonElement value, JsonValueKind kind, string path, string? type, List<string> problems)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        problems.Add($"{path}: {type} expected ({kind}), found {value.ValueKind}.");
        return false;
    }

    private static readonly Lazy<string> BotocoreFolder = new(() =>
    {
        var start = new ProcessStartInfo("python3", ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var folder = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return Directory.Exists(folder) ? folder : throw new InvalidOperationException("botocore is not installed for python3 (it comes with moto).");
    });
}
