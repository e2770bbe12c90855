using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Labeling;

/// <summary>The Label activity and 'dataprep label' as a user drives them: run, wait, answer, resume.</summary>
public sealed class LabelCommandTests
{
    private const string Workflow = """
        {
          "id": "review-labels",
          "version": 1,
          "name": "Review labels",
          "description": "Labels restaurant reviews: keyword rules first, people for the rest.",
          "outputs": { "human": "=activities.label.output.humanLabeled", "auto": "=activities.label.output.autoLabeled" },
          "activities": [
            {
              "id": "label",
              "type": "Label",
              "inputs": {
                "labelingJobName": "reviews",
                "labelAttributeName": "mood",
                "manifestS3Uri": "data/reviews.manifest",
                "labels": ["negative", "positive"],
                "s3OutputPath": "s3://labels/out/",
                "autoLabeling": { "rules": [ { "label": "positive", "keywords": ["delicious"], "confidence": 0.95 } ] }
              },
              "next": "done"
            },
            { "id": "done", "type": "Log", "inputs": { "message": "labeled ${activities.label.output.humanLabeled} by people" } }
          ]
        }
        """;

    [Fact]
    public async Task A_run_waits_for_people_and_the_last_answer_resumes_it()
    {
        using var folder = new TempFolder();
        folder.Write("workflows/review-labels.json", Workflow);
        folder.Write("data/reviews.manifest", """
            {"source": "The food was delicious"}
            {"source": "Cold soup"}
            {"source": "Slow service"}
            """);

        var run = await DataprepProcess.RunAsync(folder.Path, "run", "workflows/review-labels.json");
        var show = await DataprepProcess.RunAsync(folder.Path, "label", "show", "reviews");
        var wrong = await DataprepProcess.RunAsync(folder.Path, "label", "submit", "reviews", "--worker", "ana", "--label", "angry");
        var first = await DataprepProcess.RunAsync(folder.Path, "label", "submit", "reviews", "--worker", "ana", "--label", "negative");
        var last = await DataprepProcess.RunAsync(folder.Path, "label", "submit", "reviews", "--worker", "ana", "--label", "negative");
        var list = await DataprepProcess.RunAsync(folder.Path, "label", "list");
        var none = await DataprepProcess.RunAsync(folder.Path, "label", "submit", "reviews", "--worker", "ben", "--label", "negative");

        Assert.True(run.ExitCode == 3, run.Output + run.Error);
        var job = JsonNode.Parse(show.Output)!;
        Assert.Equal("InProgress", job["LabelingJobStatus"]!.GetValue<string>());
        Assert.Equal(1, job["LabelCounters"]!["MachineLabeled"]!.GetValue<int>());
        Assert.Equal(2, job["LabelCounters"]!["Unlabeled"]!.GetValue<int>());
        Assert.Equal(2, wrong.ExitCode);
        Assert.StartsWith("error DPC042:", wrong.Error, StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("object 1 answered 'negative' by ana; reviews: 2/3 labeled, InProgress", first.Output, StringComparison.Ordinal);
        Assert.True(last.ExitCode == 0, last.Output + last.Error);
        Assert.Contains("reviews: 3/3 labeled, Completed", last.Output, StringComparison.Ordinal);
        Assert.Contains("(review-labels): Finished", last.Output, StringComparison.Ordinal);
        Assert.Matches(@"reviews\tCompleted\t3/3 labeled\thuman 2\tauto 1\tfailed 0", list.Output);
        Assert.StartsWith("error DPC041:", none.Error, StringComparison.Ordinal);
        var manifest = File.ReadAllLines(Path.Combine(folder.Path, ".dataprep", "s3", "labels", "out", "reviews", "manifests", "output", "output.manifest"));
        Assert.Equal("yes", JsonNode.Parse(manifest[2])!["mood-metadata"]!["human-annotated"]!.GetValue<string>());
        var state = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(folder.Path, ".dataprep", "runs"), "state.json", SearchOption.AllDirectories).Single()))!;
        Assert.Equal("Finished", state["status"]!.ToString());
    }

    [Fact]
    public async Task Unknown_jobs_and_stop()
    {
        using var folder = new TempFolder();
        folder.Write("workflows/review-labels.json", Workflow);
        folder.Write("data/reviews.manifest", """{"source": "Cold soup"}""");

        var unknown = await DataprepProcess.RunAsync(folder.Path, "label", "show", "nope");
        await DataprepProcess.RunAsync(folder.Path, "run", "workflows/review-labels.json");
        var stop = await DataprepProcess.RunAsync(folder.Path, "label", "stop", "reviews");
        var again = await DataprepProcess.RunAsync(folder.Path, "label", "stop", "reviews");

        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("error DPC040:", unknown.Error, StringComparison.Ordinal);
        Assert.True(stop.ExitCode == 0, stop.Output + stop.Error);
        Assert.Contains("reviews stopped: 0/1 labeled, 1 failed", stop.Output, StringComparison.Ordinal);
        Assert.Contains("(review-labels): Finished", stop.Output, StringComparison.Ordinal);
        Assert.StartsWith("error DPC041:", again.Error, StringComparison.Ordinal);
    }
}
