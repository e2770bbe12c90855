using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Events.Envelope;

/// <summary>EventBridge writes <c>time</c> in UTC without fractions: <c>2021-11-12T00:00:00Z</c>.</summary>
internal sealed class EventTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new JsonException($"time must be an ISO 8601 timestamp such as 2021-11-12T00:00:00Z, not {(text is null ? reader.TokenType.ToString() : "'" + text + "'")}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
