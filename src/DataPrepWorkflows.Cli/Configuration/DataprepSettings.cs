using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Cli.Configuration;

/// <summary>Settings read from <c>appsettings.json</c> and <c>DATAPREP__</c> environment variables.</summary>
internal sealed record DataprepSettings
{
    /// <summary>Where local state lives (catalog, instances, the local S3 root). <value>.dataprep</value></summary>
    public string StateFolder { get; init; } = ".dataprep";

    /// <summary>Plugin assemblies to load, relative to the configuration file's folder.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>The environment the workflow runs in, visible to expressions as <c>env</c>.</summary>
    public JsonObject Environment { get; init; } = new() { ["name"] = "local" };

    /// <summary>The folder the settings were read from; relative paths resolve against it.</summary>
    public string BaseFolder { get; init; } = Directory.GetCurrentDirectory();
}
