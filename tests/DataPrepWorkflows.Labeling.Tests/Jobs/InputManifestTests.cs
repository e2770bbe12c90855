using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Tests.Jobs;

public sealed class InputManifestTests
{
    [Fact]
    public void Each_line_is_an_object_with_its_keys_kept_and_blank_lines_skipped()
    {
        var objects = InputManifest.Parse("""
            {"source": "The food was delicious", "id": 7}

            {"source-ref": "s3://bucket/reviews/2.txt"}
            """, "input.manifest", LabelingTaskType.TextClassification);

        Assert.Equal([0, 1], objects.Select(o => o.Index));
        Assert.Equal([1, 3], objects.Select(o => o.LineNumber));
        Assert.Equal("The food was delicious", objects[0].Source);
        Assert.Equal(7, objects[0].Line["id"]!.GetValue<int>());
        Assert.Equal("s3://bucket/reviews/2.txt", objects[1].SourceRef);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line_number()
    {
        var error = Assert.Throws<LabelingException>(() => InputManifest.Parse(
            string.Join('\n',
                """{"source": "ok"}""",
                """{"text": "no source"}""",
                """[1, 2]""",
                """{"source": 5}""",
                """{"source-ref": "/local/file.txt"}""",
                """{"source": "x", "$secret": 1}""",
                """{"source": "unterminated"""),
            "reviews.manifest", LabelingTaskType.TextClassification));

        Assert.All(error.Diagnostics, d => Assert.Equal(LabelingErrorCodes.InvalidManifestLine, d.Code));
        Assert.Equal(["reviews.manifest:2", "reviews.manifest:3", "reviews.manifest:4", "reviews.manifest:5", "reviews.manifest:6", "reviews.manifest:7"], error.Diagnostics.Select(d => d.Field));
        Assert.Contains("neither \"source\"", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("'$secret'", error.Diagnostics[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_tasks_need_source_ref()
    {
        var error = Assert.Throws<LabelingException>(() => InputManifest.Parse("""{"source": "text"}""", "images.manifest", LabelingTaskType.ImageClassification));

        Assert.Equal("images.manifest:1", error.Diagnostics[0].Field);
        Assert.Contains("source-ref", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_lines_and_attributes_are_refused()
    {
        var bigAttribute = $$"""{"source": "{{new string('a', 20_001)}}"}""";
        var bigLine = $$"""{"source": "a", {{string.Join(", ", Enumerable.Range(0, 6).Select(i => $"\"k{i}\": \"{new string('b', 19_000)}\""))}}}""";

        var error = Assert.Throws<LabelingException>(() => InputManifest.Parse(bigAttribute + "\n" + bigLine, "big.manifest", LabelingTaskType.TextClassification));

        Assert.Contains("20,000", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("100,000", error.Diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_manifest_is_an_error() =>
        Assert.Equal(LabelingErrorCodes.InvalidManifestLine, Assert.Throws<LabelingException>(() => InputManifest.Parse("\n\n", "empty.manifest", LabelingTaskType.TextClassification)).Code);
}
