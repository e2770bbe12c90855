using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Events.Envelope;

/// <summary>EventBridge writes <c>time</c> in UTC without fractions: <c>2021-11-12T00:00:00Z</c>.</summary>
internal sealed class EventTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("time must be a string."), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
