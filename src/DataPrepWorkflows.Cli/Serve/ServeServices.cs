using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Cli.Serve;

/// <summary>
/// What activities find in <c>context.Services</c> under <c>dataprep serve</c>: the data backends, plus the labeling
/// store the server's labeling API shares and the sink that resumes a waiting workflow when its labeling job ends.
/// </summary>
internal sealed class ServeServices(DataBackends backends, ILabelingStore labelingStore, ILabelingCompletionSink labelingCompletion) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(ILabelingStore) ? labelingStore
        : serviceType == typeof(ILabelingCompletionSink) ? labelingCompletion
        : backends.GetService(serviceType);
}
