using DataPrepWorkflows.Labeling.Consolidation;
using DataPrepWorkflows.Labeling.Jobs;

using DataPrepWorkflows.Labeling.Tests.Fixtures;

namespace DataPrepWorkflows.Labeling.Tests.Consolidation;

public sealed class ConsolidationTests
{
    private static readonly LabelingJobDefinition Text = SampleJobs.Sentiment("out", workers: 3);
    private static readonly LabelingJobDefinition Image = Text with { TaskType = LabelingTaskType.ImageClassification };
    private static readonly LabelingJobDefinition Multi = Text with { TaskType = LabelingTaskType.ImageClassificationMultiLabel };
    private static readonly LabelingJobDefinition Boxes = Text with { TaskType = LabelingTaskType.BoundingBox, Categories = new LabelCategoryConfig(["car", "person"]) };

    private static LabelAnswer A(params string[] labels) => new(labels);

    [Fact]
    public void Majority_wins_with_the_share_of_agreeing_workers()
    {
        var label = AnswerConsolidation.Consolidate(Text, [A("positive"), A("negative"), A("positive")]);

        Assert.Equal("1", label.Value.GetValue<string>());
        Assert.Equal("positive", label.Metadata["class-name"]!.GetValue<string>());
        Assert.Equal(0.67, label.Metadata["confidence"]!.GetValue<double>());
    }

    [Fact]
    public void A_tie_goes_to_the_label_listed_first_whatever_the_answer_order()
    {
        var one = AnswerConsolidation.Consolidate(Image, [A("neutral"), A("positive"), A("negative")]);
        var other = AnswerConsolidation.Consolidate(Image, [A("positive"), A("neutral")]);

        Assert.Equal(0, one.Value.GetValue<int>());
        Assert.Equal(0.33, one.Metadata["confidence"]!.GetValue<double>());
        Assert.Equal(1, other.Value.GetValue<int>());
        Assert.Equal(0.5, other.Metadata["confidence"]!.GetValue<double>());
    }

    [Fact]
    public void One_worker_per_object_gives_confidence_zero_as_ground_truth_does()
    {
        var label = AnswerConsolidation.Consolidate(Text with { NumberOfHumanWorkersPerDataObject = 1 }, [A("neutral")]);

        Assert.Equal("2", label.Value.GetValue<string>());
        Assert.Equal(0.0, label.Metadata["confidence"]!.GetValue<double>());
    }

    [Fact]
    public void Multi_label_keeps_each_label_most_workers_chose()
    {
        var label = AnswerConsolidation.Consolidate(Multi, [A("positive", "neutral"), A("positive"), A("neutral", "negative")]);

        Assert.Equal("[1,2]", label.Value.ToJsonString());
        Assert.Equal("""{"1":"positive","2":"neutral"}""", label.Metadata["class-map"]!.ToJsonString());
        Assert.Equal("""{"1":0.67,"2":0.67}""", label.Metadata["confidence-map"]!.ToJsonString());
    }

    [Fact]
    public void Boxes_cluster_by_iou_and_keep_clusters_most_workers_drew()
    {
        var size = new ImageSize(500, 400);
        LabelAnswer Worker(params BoundingBox[] boxes) => new([], boxes, size);
        var answers = new[]
        {
            Worker(new BoundingBox("car", 100, 100, 50, 40), new BoundingBox("person", 300, 50, 20, 60)),
            Worker(new BoundingBox("car", 104, 98, 50, 42)),
            Worker(new BoundingBox("car", 98, 102, 48, 40), new BoundingBox("car", 10, 10, 5, 5)),
        };

        var label = AnswerConsolidation.Consolidate(Boxes, answers);

        Assert.Equal(
            """{"image_size":[{"width":500,"height":400,"depth":3}],"annotations":[{"class_id":0,"left":101,"top":100,"width":49,"height":41}]}""",
            label.Value.ToJsonString());
        Assert.Equal("""{"objects":[{"confidence":1}],"class-map":{"0":"car"}}""", label.Metadata.ToJsonString());
    }

    [Theory]
    [InlineData(0, 0, 10, 10, 0, 0, 10, 10, 1.0)]
    [InlineData(0, 0, 10, 10, 5, 0, 10, 10, 1.0 / 3)]
    [InlineData(0, 0, 10, 10, 10, 10, 10, 10, 0.0)]
    public void IoU_is_the_jaccard_index(double l1, double t1, double w1, double h1, double l2, double t2, double w2, double h2, double expected) =>
        Assert.Equal(expected, BoundingBoxConsolidation.IoU(new BoundingBox("a", l1, t1, w1, h1), new BoundingBox("a", l2, t2, w2, h2)), 9);
}
