using System.Collections.Frozen;
using System.Text.Json;

namespace DataPrepWorkflows.Dqdl.Catalog;

/// <summary>
/// The DQDL rule types as data: every rule type of the AWS Glue Data Quality catalog with its parameters, return
/// types and allowed clauses. The parser never hard-codes a rule type; the validator, <c>dataprep describe</c> and
/// the designer all read this catalog, so a new rule type is one entry in <c>Catalog/rule-types.json</c>.
/// </summary>
public sealed class RuleTypeCatalog
{
    private const string ResourceName = "DataPrepWorkflows.Dqdl.Catalog.rule-types.json";

    private static readonly Lazy<RuleTypeCatalog> LazyDefault = new(LoadEmbedded);

    private readonly FrozenDictionary<string, IReadOnlyList<RuleTypeDescriptor>> _byName;

    private RuleTypeCatalog(IReadOnlyList<RuleTypeDescriptor> ruleTypes)
    {
        RuleTypes = ruleTypes;
        _byName = ruleTypes
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<RuleTypeDescriptor>)[.. g], StringComparer.Ordinal);
        Names = [.. _byName.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The catalog shipped with the product (the AWS Glue Data Quality rule types).</summary>
    public static RuleTypeCatalog Default => LazyDefault.Value;

    /// <summary>Every rule type overload, in catalog order.</summary>
    public IReadOnlyList<RuleTypeDescriptor> RuleTypes { get; }

    /// <summary>The distinct rule type names, sorted ordinally.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether a rule type with this (case-sensitive) name exists.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The overloads of a rule type, or an empty list when the name is unknown.</summary>
    public IReadOnlyList<RuleTypeDescriptor> Overloads(string name) =>
        _byName.TryGetValue(name, out var overloads) ? overloads : [];

    /// <summary>
    /// The overload of <paramref name="name"/> that takes <paramref name="parameterCount"/> parameters: an exact
    /// fixed-count overload first, then a var-arg one; <see langword="null"/> when none fits.
    /// </summary>
    public RuleTypeDescriptor? Resolve(string name, int parameterCount)
    {
        var overloads = Overloads(name);
        return overloads.FirstOrDefault(o => !o.HasVarArg && o.AcceptsParameterCount(parameterCount))
            ?? overloads.FirstOrDefault(o => o.HasVarArg && o.AcceptsParameterCount(parameterCount));
    }

    /// <summary>Reads a catalog from JSON in the shape of <c>Catalog/rule-types.json</c>.</summary>
    /// <exception cref="JsonException">The JSON is not a rule-type catalog.</exception>
    public static RuleTypeCatalog FromJson(string json)
    {
        var file = JsonSerializer.Deserialize(json, RuleTypeCatalogJsonContext.Default.RuleTypeCatalogFile)
            ?? throw new JsonException("The rule-type catalog is empty.");
        return new RuleTypeCatalog([.. file.RuleTypes.Select(ToDescriptor)]);
    }

    private static RuleTypeCatalog LoadEmbedded()
    {
        using var stream = typeof(RuleTypeCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    private static RuleTypeDescriptor ToDescriptor(RuleTypeEntry entry) => new(
        entry.Name,
        entry.Description,
        [.. entry.Parameters.Select(p => new RuleParameterDescriptor(p.Name, p.Type, p.Description, p.IsVarArg))],
        [.. entry.ReturnTypes.Select(ParseReturnType)],
        entry.WhereSupported,
        entry.ThresholdSupported,
        Enum.Parse<RuleScope>(entry.Scope, ignoreCase: true),
        entry.Experimental,
        entry.AnalyzerOnly,
        entry.ExcludedAtRowLevelInCompositeRules);

    private static RuleReturnType ParseReturnType(string value) =>
        Enum.Parse<RuleReturnType>(value.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}
