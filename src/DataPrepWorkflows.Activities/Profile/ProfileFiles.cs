using System.Text.Json;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>Writes a profile as <c>profile.json</c> and <c>report.html</c> in one folder.</summary>
public static class ProfileFiles
{
    /// <summary>The JSON file's name in the output folder.</summary>
    public const string JsonFile = "profile.json";

    /// <summary>The HTML report's name in the output folder.</summary>
    public const string ReportFile = "report.html";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes both files, creating the folder.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="folder">A local folder.</param>
    /// <param name="title">The dataset's name, for the report's heading.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The paths of <c>profile.json</c> and <c>report.html</c>.</returns>
    public static async Task<(string Json, string Report)> WriteAsync(DataProfile profile, string folder, string title, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, JsonFile);
        var report = Path.Combine(folder, ReportFile);
        await File.WriteAllTextAsync(json, profile.Json.ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(report, ProfileReportHtml.Render(title, profile.Json), cancellationToken).ConfigureAwait(false);
        return (json, report);
    }
}
