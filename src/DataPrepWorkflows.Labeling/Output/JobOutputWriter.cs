using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Labeling.Output;

/// <summary>
/// Writes a finished job's output as Ground Truth lays it out under <c>&lt;S3OutputPath&gt;/&lt;job-name&gt;/</c>:
/// <c>manifests/output/output.manifest</c>, one worker-response record per object under
/// <c>annotations/worker-response/iteration-1/&lt;datasetObjectId&gt;/</c>, and the consolidated labels under
/// <c>annotations/consolidated-annotation/consolidation-response/iteration-1/</c>.
/// </summary>
internal sealed class JobOutputWriter(LabelingFiles files)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static string JobFolder(LabelingJobDefinition job) => LabelingFiles.Combine(job.OutputPath, job.LabelingJobName);

    public static string ManifestLocation(LabelingJobDefinition job) => LabelingFiles.Combine(JobFolder(job), "manifests/output/output.manifest");

    public async Task WriteAsync(LabelingJobRecord job, IReadOnlyList<LabeledObject> objects, IReadOnlyList<WorkerAnswer> answers, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var definition = job.Definition;
        var folder = JobFolder(definition);
        foreach (var group in answers.GroupBy(a => a.ObjectIndex))
        {
            var record = new JsonObject { ["answers"] = new JsonArray([.. group.Select(a => (JsonNode)Response(definition, a))]) };
            var stamp = GroundTruthTime.FileStamp(group.Max(a => a.SubmittedAt));
            var location = LabelingFiles.Combine(folder, $"annotations/worker-response/iteration-1/{group.Key.ToString(CultureInfo.InvariantCulture)}/{stamp}");
            await files.WriteTextAsync(location, record.ToJsonString(Compact), cancellationToken).ConfigureAwait(false);
        }

        var consolidated = new JsonArray();
        foreach (var item in objects.Where(o => o.State == ObjectState.Human && o.LabelFields is not null))
        {
            consolidated.Add(new JsonObject
            {
                ["datasetObjectId"] = item.Index.ToString(CultureInfo.InvariantCulture),
                ["consolidatedAnnotation"] = new JsonObject { ["content"] = item.LabelFields!.DeepClone() },
            });
        }

        if (consolidated.Count > 0)
        {
            var location = LabelingFiles.Combine(folder, "annotations/consolidated-annotation/consolidation-response/iteration-1/" + GroundTruthTime.FileStamp(at));
            await files.WriteTextAsync(location, consolidated.ToJsonString(Compact), cancellationToken).ConfigureAwait(false);
        }

        var manifest = new StringBuilder();
        foreach (var item in objects)
        {
            manifest.Append(LabelFields.OutputLine(item.Line, item.LabelFields).ToJsonString(Compact)).Append('\n');
        }

        await files.WriteTextAsync(job.OutputManifest, manifest.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Response(LabelingJobDefinition job, WorkerAnswer answer) => new()
    {
        ["acceptanceTime"] = GroundTruthTime.WorkerTime(answer.AcceptedAt),
        ["answerContent"] = AnswerContent.Of(job.TaskType, answer.Answer),
        ["submissionTime"] = GroundTruthTime.WorkerTime(answer.SubmittedAt),
        ["timeSpentInSeconds"] = Math.Round((answer.SubmittedAt - answer.AcceptedAt).TotalSeconds, 3),
        ["workerId"] = answer.WorkerId,
        ["workerMetadata"] = new JsonObject
        {
            ["identityData"] = new JsonObject
            {
                ["identityProviderType"] = "Oidc",
                ["issuer"] = "dataprep",
                ["sub"] = answer.WorkerId,
            },
        },
    };
}
