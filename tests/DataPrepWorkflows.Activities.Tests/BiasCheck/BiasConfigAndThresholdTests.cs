using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.BiasCheck;

namespace DataPrepWorkflows.Activities.Tests.BiasCheck;

public sealed class BiasConfigAndThresholdTests
{
    [Fact]
    public void ClarifyExample_Parses()
    {
        var config = BiasConfigReader.Parse("""
            {"dataset_type": "text/csv", "label": "Target", "label_values_or_threshold": [1],
             "facet": [{"name_or_index": "Gender", "value_or_threshold": [0]}], "methods": {"pre_training_bias": {"methods": ["KL", "CI"]}}}
            """);

        Assert.Equal("Target", config.Label.GetValue<string>());
        Assert.Equal("Gender", Assert.Single(config.Facets).NameOrIndex.GetValue<string>());
        Assert.Equal(["CI", "KL"], config.Methods);
    }

    [Theory]
    [InlineData("""{"label": "y", "facet": [{"name_or_index": "f"}]}""", "label_values_or_threshold")]
    [InlineData("""{"label": "y", "label_values_or_threshold": [1]}""", "facet")]
    [InlineData("""{"label": "y", "label_values_or_threshold": [1], "facet": [{"value_or_threshold": [1]}]}""", "facet[0].name_or_index")]
    [InlineData("""{"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "f"}], "methods": {"pre_training_bias": {"methods": ["DI"]}}}""", "methods.pre_training_bias.methods")]
    [InlineData("""{"dataset_type": "image/png", "label": "y"}""", "dataset_type")]
    public void InvalidConfig_NamesTheField(string json, string field)
    {
        var error = Assert.Throws<BiasCheckException>(() => BiasConfigReader.Parse(json));

        Assert.Equal(BiasErrors.InvalidConfig, error.Code);
        Assert.StartsWith($"analysis_config.json: {field} ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("|DPL| <= 0.1", -0.1, true)]
    [InlineData("|DPL| <= 0.1", -0.11, false)]
    [InlineData("DPL < 0.1", 0.1, false)]
    [InlineData("DPL >= -0.2", -0.2, true)]
    [InlineData("DPL > -0.2", -0.3, false)]
    public void TextConditions_Apply(string condition, double value, bool allowed)
    {
        var threshold = Assert.Single(BiasThreshold.ParseAll(new JsonObject { ["DPL"] = condition }));

        Assert.Equal(allowed, threshold.Allows(value));
        Assert.False(threshold.Allows(null));
    }

    [Fact]
    public void ObjectCondition_AppliesMinMaxAndAbs()
    {
        var threshold = Assert.Single(BiasThreshold.ParseAll(new JsonObject { ["CI"] = new JsonObject { ["max"] = 0.5, ["abs"] = true } }));

        Assert.True(threshold.Allows(-0.5));
        Assert.False(threshold.Allows(-0.6));
        Assert.Equal("|CI| <= 0.5", threshold.Text);
    }

    [Theory]
    [InlineData("DPL", "|CI| <= 0.1")]
    [InlineData("DPL", "DPL ~ 3")]
    [InlineData("XYZ", "XYZ <= 1")]
    public void BadCondition_IsAnInvalidThreshold(string metric, string condition)
    {
        var error = Assert.Throws<BiasCheckException>(() => BiasThreshold.ParseAll(new JsonObject { [metric] = condition }));

        Assert.Equal(BiasErrors.InvalidThreshold, error.Code);
        Assert.StartsWith($"thresholds.{metric}:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40.0, "40.0")]
    [InlineData(95.3, "95.3")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(123456789012345.0, "123456789012345.0")]
    public void Floats_PrintAsPython(double value, string expected) => Assert.Equal(expected, PythonText.Float(value));
}
