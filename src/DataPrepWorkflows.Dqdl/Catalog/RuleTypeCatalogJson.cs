using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Dqdl.Catalog;

// The catalog file's own shape; kept apart from the public descriptors so the file format can evolve on its own.
internal sealed record RuleTypeCatalogFile(IReadOnlyList<RuleTypeEntry> RuleTypes);

internal sealed record RuleTypeEntry(
    string Name,
    string Description,
    IReadOnlyList<RuleParameterEntry> Parameters,
    IReadOnlyList<string> ReturnTypes,
    bool WhereSupported,
    bool ThresholdSupported,
    string Scope,
    bool Experimental,
    bool AnalyzerOnly,
    bool ExcludedAtRowLevelInCompositeRules);

internal sealed record RuleParameterEntry(string Name, string Type, string Description, bool IsVarArg);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(RuleTypeCatalogFile))]
internal sealed partial class RuleTypeCatalogJsonContext : JsonSerializerContext;
