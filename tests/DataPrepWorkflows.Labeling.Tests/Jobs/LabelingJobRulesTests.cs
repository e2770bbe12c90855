using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Tests.Fixtures;

namespace DataPrepWorkflows.Labeling.Tests.Jobs;

public sealed class LabelingJobRulesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("label-sentiment")]
    [InlineData("Job--2")]
    public void Valid_job_names_pass(string name) =>
        Assert.Empty(LabelingJobRules.Validate(SampleJobs.Sentiment("out") with { LabelingJobName = name }));

    [Theory]
    [InlineData("")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("under_score")]
    [InlineData("has space")]
    public void Invalid_job_names_are_LBL001(string name)
    {
        var problem = Assert.Single(LabelingJobRules.Validate(SampleJobs.Sentiment("out") with { LabelingJobName = name }));
        Assert.Equal(LabelingErrorCodes.InvalidJobName, problem.Code);
        Assert.Equal("LabelingJobName", problem.Field);
    }

    [Fact]
    public void A_64_character_job_name_is_too_long() =>
        Assert.Equal(LabelingErrorCodes.InvalidJobName, Assert.Single(LabelingJobRules.Validate(SampleJobs.Sentiment("out") with { LabelingJobName = new string('a', 64) })).Code);

    [Theory]
    [InlineData("mood-metadata", "-metadata")]
    [InlineData("mood-ref", "-ref")]
    [InlineData("mood_label", "pattern")]
    [InlineData("", "pattern")]
    public void Label_attribute_names_follow_ground_truth(string name, string mentioned)
    {
        var problem = Assert.Single(LabelingJobRules.Validate(SampleJobs.Sentiment("out") with { LabelAttributeName = name }));
        Assert.Equal(LabelingErrorCodes.InvalidLabelAttributeName, problem.Code);
        Assert.Equal("LabelAttributeName", problem.Field);
        Assert.Contains(mentioned, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_127_character_attribute_name_passes_and_128_fails()
    {
        Assert.Empty(LabelingJobRules.Validate(SampleJobs.Sentiment("out") with { LabelAttributeName = new string('m', 127) }));
        Assert.Single(LabelingJobRules.Validate(SampleJobs.Sentiment("out") with { LabelAttributeName = new string('m', 128) }));
    }

    [Fact]
    public void Every_bad_human_task_setting_is_reported_with_its_field()
    {
        var job = SampleJobs.Sentiment("out") with
        {
            NumberOfHumanWorkersPerDataObject = 10,
            TaskTimeLimitInSeconds = 29,
            TaskAvailabilityLifetimeInSeconds = 59,
            TaskTitle = new string('t', 129),
            TaskDescription = "",
        };

        var problems = LabelingJobRules.Validate(job);

        Assert.All(problems, p => Assert.Equal(LabelingErrorCodes.InvalidHumanTaskConfig, p.Code));
        Assert.Equal(
            ["HumanTaskConfig.NumberOfHumanWorkersPerDataObject", "HumanTaskConfig.TaskTimeLimitInSeconds", "HumanTaskConfig.TaskAvailabilityLifetimeInSeconds", "HumanTaskConfig.TaskTitle", "HumanTaskConfig.TaskDescription"],
            problems.Select(p => p.Field));
    }

    [Fact]
    public void Classification_needs_two_labels_and_boxes_at_most_ten()
    {
        var single = SampleJobs.Sentiment("out") with { Categories = new LabelCategoryConfig(["only"]) };
        var boxes = SampleJobs.Sentiment("out") with { TaskType = LabelingTaskType.BoundingBox, Categories = new LabelCategoryConfig([.. Enumerable.Range(0, 11).Select(i => $"c{i}")]) };

        Assert.Equal(LabelingErrorCodes.InvalidLabelCategoryConfig, Assert.Single(LabelingJobRules.Validate(single)).Code);
        Assert.Contains("at most 10", Assert.Single(LabelingJobRules.Validate(boxes)).Message, StringComparison.Ordinal);
        Assert.Empty(LabelingJobRules.Validate(boxes with { Categories = new LabelCategoryConfig(["car"]) }));
    }
}
