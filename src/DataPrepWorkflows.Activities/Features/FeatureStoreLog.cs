using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.Features;

internal static partial class FeatureStoreLog
{
    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "Published to feature group {Group}: {Ingested} records ingested, {Rejected} rejected, {Files} offline files written")]
    public static partial void Published(ILogger logger, string group, long ingested, long rejected, int files);
}
