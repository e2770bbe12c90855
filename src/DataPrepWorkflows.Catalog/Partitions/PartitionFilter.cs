namespace DataPrepWorkflows.Catalog;

/// <summary>
/// Selects partitions by exact values of some partition keys (for example <c>year = 2024</c>), without Glue's
/// expression language. Keys not named match any value.
/// </summary>
/// <param name="Values">Partition key name → required value; key names are compared case-insensitively.</param>
public sealed record PartitionFilter(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>A filter requiring one key to have one value.</summary>
    /// <param name="key">Partition key name.</param>
    /// <param name="value">Required value.</param>
    public static PartitionFilter Where(string key, string value) => new(new Dictionary<string, string> { [key] = value });

    /// <summary>This filter with one more key/value requirement.</summary>
    /// <param name="key">Partition key name.</param>
    /// <param name="value">Required value.</param>
    public PartitionFilter And(string key, string value) =>
        new(new Dictionary<string, string>(Values) { [key] = value });
}
