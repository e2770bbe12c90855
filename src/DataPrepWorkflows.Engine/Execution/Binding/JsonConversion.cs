using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>Converts between JSON values and the CLR types of activity input and output properties.</summary>
internal static class JsonConversion
{
    private static readonly JsonSerializerOptions FallbackOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Converts <paramref name="node"/> to <paramref name="type"/>.</summary>
    /// <exception cref="FormatException">The value cannot be read as that type; the message says what was expected.</exception>
    public static object? ToClr(JsonNode? node, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (node is null)
        {
            return null;
        }

        // JSON-typed inputs get the evaluated node held in the instance state, without a copy: activities read them
        // (cloning before changing or storing one), so large inputs such as a ForEach's items cost nothing per step.
        if (target == typeof(JsonNode) || target == typeof(object))
        {
            return node;
        }

        if (target == typeof(JsonObject))
        {
            return node as JsonObject ?? throw Mismatch(node, "an object");
        }

        if (target == typeof(JsonArray))
        {
            return node as JsonArray ?? throw Mismatch(node, "an array");
        }

        if (target == typeof(JsonElement))
        {
            return JsonSerializer.SerializeToElement(node, FallbackOptions);
        }

        if (node is JsonValue value)
        {
            var scalar = ToScalar(value, target);
            if (scalar is not null)
            {
                return scalar;
            }
        }

        if (target == typeof(string))
        {
            return node.ToJsonString();
        }

        try
        {
            return node.Deserialize(target, FallbackOptions);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"expected {target.Name}, got {Describe(node)} ({ex.Message})", ex);
        }
    }

    private static object? ToScalar(JsonValue value, Type target)
    {
        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : null;
        if (target == typeof(string))
        {
            return text ?? value.ToJsonString();
        }

        if (target == typeof(bool))
        {
            return kind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when bool.TryParse(text, out var b) => b,
                _ => throw Mismatch(value, "a boolean"),
            };
        }

        if (target.IsEnum)
        {
            if (text is not null && Enum.TryParse(target, text, ignoreCase: true, out var parsed))
            {
                return parsed;
            }

            throw Mismatch(value, "one of " + string.Join(", ", Enum.GetNames(target)));
        }

        if (target == typeof(TimeSpan))
        {
            return text is not null ? ParseDuration(text) : kind == JsonValueKind.Number
                ? TimeSpan.FromSeconds(ToDouble(value)) : throw Mismatch(value, "an ISO 8601 duration");
        }

        if (target == typeof(DateTimeOffset) || target == typeof(DateTime))
        {
            if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return target == typeof(DateTime) ? at.UtcDateTime : at;
            }

            throw Mismatch(value, "an ISO 8601 date-time");
        }

        if (target == typeof(Guid))
        {
            return text is not null && Guid.TryParse(text, out var id) ? id : throw Mismatch(value, "a GUID");
        }

        if (target == typeof(Uri))
        {
            return text is not null && Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw Mismatch(value, "a URI");
        }

        if (IsNumeric(target))
        {
            return ToNumber(value, kind, text, target);
        }

        return null;
    }

    private static bool IsNumeric(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal) || t == typeof(float)
        || t == typeof(short) || t == typeof(byte);

    private static object ToNumber(JsonValue value, JsonValueKind kind, string? text, Type target)
    {
        double number;
        if (kind == JsonValueKind.Number)
        {
            if (target == typeof(decimal))
            {
                return decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            number = ToDouble(value);
        }
        else if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
        }
        else
        {
            throw Mismatch(value, "a number");
        }

        var integral = target == typeof(int) || target == typeof(long) || target == typeof(short) || target == typeof(byte);
        if (integral && Math.Abs(number % 1) > 0)
        {
            throw Mismatch(value, "an integer");
        }

        try
        {
            return Convert.ChangeType(number, target, CultureInfo.InvariantCulture);
        }
        catch (OverflowException ex)
        {
            throw new FormatException($"{number} is out of range for {target.Name}", ex);
        }
    }

    /// <summary>A JSON number as a double, whatever CLR value backs the node.</summary>
    public static double ToDouble(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO 8601 duration (<c>PT5M</c>) or a .NET time span (<c>00:05:00</c>).</summary>
    /// <exception cref="FormatException">Neither form.</exception>
    public static TimeSpan ParseDuration(string text)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            return XmlConvert.ToTimeSpan(text);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new FormatException($"expected an ISO 8601 duration such as PT5M, got \"{text}\"");
    }

    /// <summary>Converts an output property value to JSON (a fresh node without a parent).</summary>
    public static JsonNode? ToJson(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.Parent is null ? node : node.DeepClone();
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case int i:
                return JsonValue.Create(i);
            case long l:
                return JsonValue.Create(l);
            case double d:
                return JsonValue.Create(d);
            case decimal m:
                return JsonValue.Create(m);
            case TimeSpan span:
                return JsonValue.Create(XmlConvert.ToString(span));
            case DateTimeOffset at:
                return JsonValue.Create(at);
            case Enum e:
                return JsonValue.Create(e.ToString());
            default:
                return JsonSerializer.SerializeToNode(value, value.GetType(), FallbackOptions);
        }
    }

    private static FormatException Mismatch(JsonNode node, string expected) =>
        new($"expected {expected}, got {Describe(node)}");

    private static string Describe(JsonNode node)
    {
        var text = node.ToJsonString();
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
