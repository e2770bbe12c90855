using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Labeling.Output;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Activities.Label;

/// <summary>
/// The labeling service an activity works with: the host's <see cref="ILabelingStore"/> when it offers one (a server
/// sharing the store with its labeling API), otherwise the embedded SQLite store in the state folder; files through the
/// host's object storage.
/// </summary>
internal static class LabelingServices
{
    public static LabelingJobs Jobs(ActivityContext context)
    {
        var backends = context.Backends();
        var store = context.Services.GetService(typeof(ILabelingStore)) as ILabelingStore
            ?? SqliteLabelingStore.InStateFolder(backends.StateFolder);
        var sink = context.Services.GetService(typeof(ILabelingCompletionSink)) as ILabelingCompletionSink;
        return new LabelingJobs(store, new LabelingFiles(backends.Storage), context.Clock, sink);
    }
}
