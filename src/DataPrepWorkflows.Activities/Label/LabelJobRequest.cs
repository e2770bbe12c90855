using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Labeling.AutoLabeling;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Output;

namespace DataPrepWorkflows.Activities.Label;

/// <summary>Turns the activity's inputs into a job definition, its objects and its pre-labeler.</summary>
internal sealed class LabelJobRequest(LabelActivity inputs)
{
    public async Task<LabelingJobDefinition> DefinitionAsync(ActivityContext context, LabelingFiles files)
    {
        if (!LabelingTaskTypes.TryParse(inputs.TaskType, out var taskType))
        {
            throw new LabelingException(LabelingErrorCodes.InvalidTaskType, "taskType",
                $"'{inputs.TaskType}' is not a task type; use {string.Join(", ", Enum.GetNames<LabelingTaskType>())}.");
        }

        return new LabelingJobDefinition
        {
            LabelingJobName = inputs.LabelingJobName,
            LabelAttributeName = inputs.LabelAttributeName,
            TaskType = taskType,
            Categories = await CategoriesAsync(context, files).ConfigureAwait(false),
            OutputPath = inputs.S3OutputPath,
            TaskTitle = inputs.TaskTitle,
            TaskDescription = inputs.TaskDescription,
            Instructions = inputs.Instructions,
            NumberOfHumanWorkersPerDataObject = inputs.NumberOfHumanWorkersPerDataObject,
            TaskTimeLimitInSeconds = inputs.TaskTimeLimitInSeconds,
            TaskAvailabilityLifetimeInSeconds = inputs.TaskAvailabilityLifetimeInSeconds,
        };
    }

    public async Task<IReadOnlyList<DataObject>> ObjectsAsync(ActivityContext context, LabelingFiles files, LabelingJobDefinition job)
    {
        var hasManifest = !string.IsNullOrWhiteSpace(inputs.ManifestS3Uri);
        var hasData = !string.IsNullOrWhiteSpace(inputs.Data);
        if (hasManifest == hasData)
        {
            throw new LabelingException(LabelingErrorCodes.InvalidLocation, "manifestS3Uri",
                "give exactly one of manifestS3Uri (a Ground Truth input manifest) and data (a dataset with sourceColumn or sourceRefColumn).");
        }

        if (hasManifest)
        {
            var text = await files.ReadTextAsync(inputs.ManifestS3Uri!, "manifestS3Uri", context.CancellationToken).ConfigureAwait(false);
            return InputManifest.Parse(text, inputs.ManifestS3Uri!, job.TaskType);
        }

        var manifest = await DatasetManifest.BuildAsync(context.Backends(), inputs.Data!, inputs.SourceColumn, inputs.SourceRefColumn, job.LabelingJobName, context.CancellationToken).ConfigureAwait(false);
        return InputManifest.Parse(manifest, inputs.Data!, job.TaskType);
    }

    public IPreLabeler? PreLabeler() => PreLabelerJson.Parse(inputs.AutoLabeling, "autoLabeling");

    private async Task<LabelCategoryConfig> CategoriesAsync(ActivityContext context, LabelingFiles files)
    {
        if (inputs.Labels is not null)
        {
            return LabelCategoryConfig.FromJson(inputs.Labels, "labels");
        }

        if (string.IsNullOrWhiteSpace(inputs.LabelCategoryConfigS3Uri))
        {
            throw new LabelingException(LabelingErrorCodes.InvalidLabelCategoryConfig, "labelCategoryConfigS3Uri",
                "give the label category configuration file (labelCategoryConfigS3Uri) or the labels inline (labels).");
        }

        var text = await files.ReadTextAsync(inputs.LabelCategoryConfigS3Uri, "labelCategoryConfigS3Uri", context.CancellationToken).ConfigureAwait(false);
        return LabelCategoryConfig.Parse(text, inputs.LabelCategoryConfigS3Uri);
    }
}
