using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// A DataBrew profile job configuration (<c>ProfileColumns</c>, <c>DatasetStatisticsConfiguration</c>,
/// <c>ColumnStatisticsConfigurations</c>): which columns to profile and which statistics to compute, with their
/// parameters (<c>binNumber</c>, <c>sampleSize</c>, <c>threshold</c>, <c>columnSelectors</c>). Entity detection
/// (<c>EntityDetectorConfiguration</c>) is accepted and ignored.
/// </summary>
public sealed class ProfileConfiguration
{
    private readonly List<ColumnRule> _columnRules;

    private ProfileConfiguration(
        IReadOnlyList<ColumnSelector>? profileColumns,
        IReadOnlySet<string>? datasetStatistics,
        IReadOnlyList<ColumnSelector>? correlationColumns,
        List<ColumnRule> columnRules)
    {
        ProfileColumns = profileColumns;
        DatasetStatistics = datasetStatistics;
        CorrelationColumns = correlationColumns;
        _columnRules = columnRules;
    }

    /// <summary>The default configuration: every column, every statistic.</summary>
    public static ProfileConfiguration Default { get; } = new(null, null, null, []);

    internal IReadOnlyList<ColumnSelector>? ProfileColumns { get; }

    internal IReadOnlySet<string>? DatasetStatistics { get; }

    internal IReadOnlyList<ColumnSelector>? CorrelationColumns { get; }

    /// <summary>Reads a configuration in DataBrew's JSON shape.</summary>
    /// <param name="json">The configuration object, or <see langword="null"/> for <see cref="Default"/>.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="FormatException">The configuration is malformed; the message names the field and what to write.</exception>
    public static ProfileConfiguration Parse(JsonNode? json)
    {
        if (json is null)
        {
            return Default;
        }

        if (json is not JsonObject root)
        {
            throw new FormatException("configuration: expected an object with ProfileColumns, DatasetStatisticsConfiguration and ColumnStatisticsConfigurations.");
        }

        var profileColumns = root["ProfileColumns"] is { } columns ? Selectors(columns, "configuration.ProfileColumns") : null;
        IReadOnlySet<string>? datasetStatistics = null;
        IReadOnlyList<ColumnSelector>? correlationColumns = null;
        if (root["DatasetStatisticsConfiguration"] is JsonObject dataset)
        {
            const string where = "configuration.DatasetStatisticsConfiguration";
            datasetStatistics = Included(dataset["IncludedStatistics"], where + ".IncludedStatistics", ProfileStatistics.DatasetLevel);
            var overrides = Overrides(dataset["Overrides"], where + ".Overrides");
            if (overrides.TryGetValue(ProfileStatistics.Correlation, out var correlation) && correlation.TryGetValue("columnSelectors", out var text))
            {
                correlationColumns = Selectors(ParseEmbedded(text, where + ".Overrides[CORRELATION].columnSelectors"), where + ".Overrides[CORRELATION].columnSelectors");
            }
        }

        var rules = new List<ColumnRule>();
        if (root["ColumnStatisticsConfigurations"] is JsonArray configurations)
        {
            for (var i = 0; i < configurations.Count; i++)
            {
                var where = $"configuration.ColumnStatisticsConfigurations[{i}]";
                var item = configurations[i] as JsonObject ?? throw new FormatException($"{where}: expected an object with Selectors and Statistics.");
                var selectors = item["Selectors"] is { } s ? Selectors(s, where + ".Selectors") : null;
                var statistics = item["Statistics"] as JsonObject;
                var included = Included(statistics?["IncludedStatistics"], where + ".Statistics.IncludedStatistics", ProfileStatistics.ColumnLevel);
                rules.Add(new ColumnRule(selectors, included, Overrides(statistics?["Overrides"], where + ".Statistics.Overrides")));
            }
        }

        return new ProfileConfiguration(profileColumns, datasetStatistics, correlationColumns, rules);
    }

    internal bool IncludesDatasetStatistic(string statistic) => DatasetStatistics?.Contains(statistic) ?? true;

    /// <summary>The settings for one column: later matching configurations override earlier ones.</summary>
    internal ColumnProfileSettings SettingsFor(string column)
    {
        var settings = new ColumnProfileSettings(new HashSet<string>(ProfileStatistics.ColumnLevel, StringComparer.Ordinal));
        foreach (var rule in _columnRules.Where(r => ColumnSelector.AnyMatches(r.Selectors, column)))
        {
            if (rule.Included is not null)
            {
                settings = settings with { Included = rule.Included };
            }

            settings = rule.Apply(settings);
        }

        return settings;
    }

    private static JsonNode ParseEmbedded(string text, string where)
    {
        try
        {
            return JsonNode.Parse(text) ?? throw new FormatException($"{where}: expected a JSON-encoded array of selectors.");
        }
        catch (JsonException error)
        {
            throw new FormatException($"{where}: expected a JSON-encoded array of selectors ({error.Message}).", error);
        }
    }

    private static List<ColumnSelector> Selectors(JsonNode node, string where)
    {
        var array = node as JsonArray ?? throw new FormatException($"{where}: expected an array of {{\"Name\": …}} or {{\"Regex\": …}}.");
        var selectors = new List<ColumnSelector>();
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i] as JsonObject ?? throw new FormatException($"{where}[{i}]: expected {{\"Name\": …}} or {{\"Regex\": …}}.");
            selectors.Add(ColumnSelector.Create(Text(item, "Name", "name"), Text(item, "Regex", "regex"), $"{where}[{i}]"));
        }

        return selectors;
    }

    private static string? Text(JsonObject item, string name, string alternative) =>
        (item[name] ?? item[alternative]) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static HashSet<string>? Included(JsonNode? node, string where, IReadOnlyList<string> allowed)
    {
        if (node is null)
        {
            return null;
        }

        var array = node as JsonArray ?? throw new FormatException($"{where}: expected an array of statistic names.");
        var included = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var name = array[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
            if (name == "NONE")
            {
                continue;
            }

            if (!ProfileStatistics.All.Contains(name))
            {
                throw new FormatException($"{where}[{i}]: unknown statistic '{name}'; use one of {string.Join(", ", allowed)} (or NONE).");
            }

            included.Add(name);
        }

        return included;
    }

    private static Dictionary<string, Dictionary<string, string>> Overrides(JsonNode? node, string where)
    {
        var overrides = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (node is null)
        {
            return overrides;
        }

        var array = node as JsonArray ?? throw new FormatException($"{where}: expected an array of {{\"Statistic\", \"Parameters\"}}.");
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i] as JsonObject;
            var statistic = item?["Statistic"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
            if (!ProfileStatistics.All.Contains(statistic))
            {
                throw new FormatException($"{where}[{i}].Statistic: unknown statistic '{statistic}'.");
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in item!["Parameters"] as JsonObject ?? [])
            {
                // DataBrew sends every parameter value as a string; accept bare numbers too.
                parameters[key] = value is JsonValue jv && jv.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
            }

            overrides[statistic] = parameters;
        }

        return overrides;
    }

    private sealed record ColumnRule(
        IReadOnlyList<ColumnSelector>? Selectors,
        IReadOnlySet<string>? Included,
        Dictionary<string, Dictionary<string, string>> Overrides)
    {
        public ColumnProfileSettings Apply(ColumnProfileSettings settings)
        {
            if (Int(ProfileStatistics.ValueDistribution, "binNumber") is { } bins)
            {
                settings = settings with { Bins = bins };
            }

            if (Int(ProfileStatistics.MostCommonValues, "sampleSize") is { } common)
            {
                settings = settings with { MostCommonValues = common };
            }

            if ((Int(ProfileStatistics.MinimumValues, "sampleSize") ?? Int(ProfileStatistics.MaximumValues, "sampleSize")) is { } extremes)
            {
                settings = settings with { ExtremeValues = extremes };
            }

            if (Number(ProfileStatistics.OutlierDetection, "threshold") is { } threshold)
            {
                settings = settings with { OutlierThreshold = threshold };
            }

            if (Int(ProfileStatistics.OutlierDetection, "sampleSize") is { } sample)
            {
                settings = settings with { OutlierSample = sample };
            }

            return settings;
        }

        private int? Int(string statistic, string parameter) =>
            Number(statistic, parameter) is { } value
                ? value >= 1 && value <= 10_000 && value == Math.Floor(value)
                    ? (int)value
                    : throw new FormatException($"configuration: {statistic}.{parameter} must be a whole number from 1 to 10000, not {value}.")
                : null;

        private double? Number(string statistic, string parameter) =>
            Overrides.TryGetValue(statistic, out var parameters) && parameters.TryGetValue(parameter, out var text)
                ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                    ? value
                    : throw new FormatException($"configuration: {statistic}.{parameter} must be a positive number, not '{text}'.")
                : null;
    }
}
