using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.AutoLabeling;
using DataPrepWorkflows.Labeling.Jobs;

using DataPrepWorkflows.Labeling.Tests.Fixtures;

namespace DataPrepWorkflows.Labeling.Tests.AutoLabeling;

public sealed class PreLabelerTests
{
    private static readonly LabelingJobDefinition Job = SampleJobs.Sentiment("out");
    private static readonly LabelingJobDefinition Multi = Job with { TaskType = LabelingTaskType.TextClassificationMultiLabel };

    private static DataObject Line(string json) => new(0, 1, JsonNode.Parse(json)!.AsObject());

    [Fact]
    public async Task Prediction_key_with_a_confidence_key()
    {
        var labeler = new PredictionPreLabeler("predicted", "score");

        var proposal = await labeler.PreLabelAsync(Line("""{"source": "x", "predicted": "positive", "score": 0.93}"""), Job, default);

        Assert.Equal(["positive"], proposal!.Labels);
        Assert.Equal(0.93, proposal.Confidence);
    }

    [Fact]
    public async Task Prediction_object_carries_its_own_confidence()
    {
        var labeler = new PredictionPreLabeler("prediction", null);

        var proposal = await labeler.PreLabelAsync(Line("""{"source": "x", "prediction": {"labels": ["positive", "neutral"], "confidence": "0.8"}}"""), Multi, default);

        Assert.Equal(["positive", "neutral"], proposal!.Labels);
        Assert.Equal(0.8, proposal.Confidence);
    }

    [Theory]
    [InlineData("""{"source": "x"}""")]
    [InlineData("""{"source": "x", "predicted": "angry", "score": 0.99}""")]
    [InlineData("""{"source": "x", "predicted": "positive"}""")]
    [InlineData("""{"source": "x", "predicted": ["positive", "negative"], "score": 0.99}""")]
    public async Task No_proposal_without_a_usable_prediction(string line) =>
        Assert.Null(await new PredictionPreLabeler("predicted", "score").PreLabelAsync(Line(line), Job, default));

    [Fact]
    public async Task Rules_take_the_first_match_for_single_label_and_all_matches_for_multi_label()
    {
        var labeler = (RulePreLabeler)PreLabelerJson.Parse(JsonNode.Parse("""
            {"rules": [
              {"label": "positive", "keywords": ["great", "delicious"], "confidence": 0.9},
              {"label": "negative", "pattern": "\\b(awful|cold)\\b", "confidence": 0.85}
            ]}
            """), "autoLabeling")!;
        var item = Line("""{"source": "Delicious starter, but the soup was COLD"}""");

        var single = await labeler.PreLabelAsync(item, Job, default);
        var multi = await labeler.PreLabelAsync(item, Multi, default);
        var none = await labeler.PreLabelAsync(Line("""{"source": "greatness is not a keyword"}"""), Job, default);

        Assert.Equal(["positive"], single!.Labels);
        Assert.Equal(0.9, single.Confidence);
        Assert.Equal(["positive", "negative"], multi!.Labels);
        Assert.Equal(0.85, multi.Confidence);
        Assert.Null(none);
    }

    [Theory]
    [InlineData("""{"rules": [{"label": "a", "pattern": "("}]}""", "autoLabeling.rules[0].pattern")]
    [InlineData("""{"rules": [{"label": "a", "pattern": "x", "confidence": 1.5}]}""", "autoLabeling.rules[0].confidence")]
    [InlineData("""{"rules": [{"pattern": "x"}]}""", "autoLabeling.rules[0].label")]
    [InlineData("""{"predictions": {}}""", "autoLabeling.predictions.labelKey")]
    [InlineData("""{"model": "x"}""", "autoLabeling")]
    public void Bad_settings_are_LBL007_naming_the_field(string json, string field)
    {
        var error = Assert.Throws<LabelingException>(() => PreLabelerJson.Parse(JsonNode.Parse(json), "autoLabeling"));

        Assert.Equal(LabelingErrorCodes.InvalidAutoLabeling, error.Code);
        Assert.Equal(field, error.Diagnostics[0].Field);
    }
}
