using System.Globalization;

namespace DataPrepWorkflows.Labeling.Output;

/// <summary>The time formats Ground Truth writes.</summary>
internal static class GroundTruthTime
{
    /// <summary>Metadata <c>creation-date</c>: <c>2018-10-18T22:18:13.527256</c> (UTC, microseconds, no zone).</summary>
    public static string CreationDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Worker response <c>acceptanceTime</c>/<c>submissionTime</c>: <c>2020-10-18T22:18:13.527Z</c>.</summary>
    public static string WorkerTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The file name of a response or consolidation record: <c>2020-10-18_22-18-13.json</c> (sortable, no colons).</summary>
    public static string FileStamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'_'HH-mm-ss", CultureInfo.InvariantCulture) + ".json";
}
