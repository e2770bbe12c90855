using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Tests.Jobs;

public sealed class LabelCategoryConfigTests
{
    [Fact]
    public void Reads_the_ground_truth_file_and_numbers_labels_in_order()
    {
        var config = LabelCategoryConfig.Parse("""{"document-version": "2018-11-28", "labels": [{"label": "cat"}, {"label": "dog"}]}""", "labels.json");

        Assert.Equal(["cat", "dog"], config.Labels);
        Assert.Equal(1, config.ClassId("dog"));
        Assert.Equal(-1, config.ClassId("Dog"));
        Assert.Equal("""{"document-version":"2018-11-28","labels":[{"label":"cat"},{"label":"dog"}]}""", config.ToJson().ToJsonString());
    }

    [Theory]
    [InlineData("""{"document-version": "2019-01-01", "labels": [{"label": "a"}]}""", "labels.json.document-version")]
    [InlineData("""{"document-version": "2018-11-28"}""", "labels.json.labels")]
    [InlineData("""{"document-version": "2018-11-28", "labels": [{"label": "a"}, {"label": "a"}]}""", "labels.json.labels[1]")]
    [InlineData("""{"document-version": "2018-11-28", "labels": [{"name": "a"}]}""", "labels.json.labels[0]")]
    [InlineData("""not json""", "labels.json")]
    public void Malformed_files_are_LBL003_naming_the_field(string text, string field)
    {
        var error = Assert.Throws<LabelingException>(() => LabelCategoryConfig.Parse(text, "labels.json"));

        Assert.Equal(LabelingErrorCodes.InvalidLabelCategoryConfig, error.Code);
        Assert.Equal(field, error.Diagnostics[0].Field);
    }
}
