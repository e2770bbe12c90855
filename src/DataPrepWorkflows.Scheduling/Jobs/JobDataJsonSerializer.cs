using System.Collections.Specialized;
using System.Text.Json;
using Quartz;
using Quartz.Spi;

namespace DataPrepWorkflows.Scheduling.Jobs;

/// <summary>
/// Quartz's persistent store needs an object serializer for job data maps, and .NET no longer has binary
/// serialization. Our jobs keep only strings in their data (<c>quartz.jobStore.useProperties</c>), so this writes
/// them as a JSON object of strings and refuses anything else.
/// </summary>
internal sealed class JobDataJsonSerializer : IObjectSerializer
{
    public void Initialize()
    {
    }

    public byte[] Serialize<T>(T obj)
        where T : class
    {
        var map = obj switch
        {
            IDictionary<string, object> dictionary => dictionary.ToDictionary(p => p.Key, p => p.Value?.ToString()),
            NameValueCollection collection => collection.AllKeys.OfType<string>().ToDictionary(k => k, k => collection[k]),
            _ => throw new NotSupportedException($"Only string job data is stored; cannot serialize {typeof(T).Name}."),
        };
        return JsonSerializer.SerializeToUtf8Bytes(map);
    }

    public T? DeSerialize<T>(byte[] data)
        where T : class
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, string?>>(data) ?? [];
        if (typeof(T) == typeof(NameValueCollection))
        {
            var collection = new NameValueCollection();
            foreach (var (key, value) in map)
            {
                collection[key] = value;
            }

            return (T)(object)collection;
        }

        if (typeof(T).IsAssignableFrom(typeof(JobDataMap)))
        {
            var jobData = new JobDataMap();
            foreach (var (key, value) in map)
            {
                jobData[key] = value ?? "";
            }

            return (T)(object)jobData;
        }

        throw new NotSupportedException($"Only string job data is stored; cannot deserialize {typeof(T).Name}.");
    }
}
