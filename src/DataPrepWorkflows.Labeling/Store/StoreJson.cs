using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Labeling.Store;

/// <summary>How definitions and answers are kept as JSON text in the store.</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string text) =>
        JsonSerializer.Deserialize<T>(text, Options) ?? throw new InvalidDataException($"The labeling store holds an empty {typeof(T).Name}.");
}
