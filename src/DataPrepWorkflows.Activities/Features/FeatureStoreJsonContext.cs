using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>Source-generated JSON for the online store's record column (on the read path of every GetRecord).</summary>
[JsonSerializable(typeof(IReadOnlyList<string?>))]
internal sealed partial class FeatureStoreJsonContext : JsonSerializerContext;
