using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Running;

namespace DataPrepWorkflows.Activities.Label;

/// <summary>
/// The labeled objects as a flat JSON Lines dataset for activities that read datasets (PublishFeatures, Split): each
/// input line plus <c>&lt;attr&gt;</c> (the class name; names joined by <c>;</c> for multi-label), <c>&lt;attr&gt;_confidence</c>,
/// <c>&lt;attr&gt;_human_annotated</c> and <c>&lt;attr&gt;_labeled_at</c> (Unix epoch seconds, usable as a feature group's
/// <c>Fractional</c> event time; dataset readers would turn an ISO text into a timestamp column). Failed objects are left out. This is our addition beside Ground Truth's output manifest, which stays as is.
/// </summary>
internal static class LabeledDataset
{
    public static async Task<int> WriteAsync(LabelingJobs jobs, LabelingJobSummary job, string location, CancellationToken cancellationToken)
    {
        var attribute = job.Job.Definition.LabelAttributeName;
        var text = new StringBuilder();
        var rows = 0;
        foreach (var item in await jobs.Store.GetObjectsAsync(job.Name, cancellationToken).ConfigureAwait(false))
        {
            if (item.LabelFields?[attribute] is null || item.LabelFields[attribute + "-metadata"] is not JsonObject metadata)
            {
                continue;
            }

            var row = (JsonObject)item.Line.DeepClone();
            row[attribute] = ClassNames(metadata);
            row[attribute + "_confidence"] = Confidence(metadata);
            row[attribute + "_human_annotated"] = metadata["human-annotated"]?.DeepClone();
            row[attribute + "_labeled_at"] = LabeledAt(metadata["creation-date"]?.GetValue<string>());
            text.Append(row.ToJsonString()).Append('\n');
            rows++;
        }

        await jobs.Files.WriteTextAsync(location, text.ToString(), cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static string? ClassNames(JsonObject metadata) =>
        metadata["class-name"]?.GetValue<string>()
        ?? (metadata["class-map"] is JsonObject map ? string.Join(";", map.Select(p => p.Value?.GetValue<string>())) : null);

    private static double? Confidence(JsonObject metadata) =>
        metadata["confidence"]?.GetValue<double>()
        ?? (metadata["confidence-map"] is JsonObject map && map.Count > 0 ? map.Min(p => p.Value!.GetValue<double>())
            : metadata["objects"] is JsonArray objects && objects.Count > 0 ? objects.Min(o => o!["confidence"]!.GetValue<double>()) : null);

    private static double? LabeledAt(string? creationDate) =>
        creationDate is not null && DateTime.TryParseExact(creationDate, "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? Math.Round((time - DateTime.UnixEpoch).TotalSeconds, 3)
            : null;
}
