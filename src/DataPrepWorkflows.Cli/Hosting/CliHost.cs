using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.SampleData;
using DataPrepWorkflows.Cli.Configuration;
using DataPrepWorkflows.Cli.Plugins;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Cli.Hosting;

/// <summary>
/// What every command needs, composed once: settings, the activity registry (built-in control activities, the
/// product's data activities and configured plugins) and the expression engine.
/// </summary>
internal sealed class CliHost
{
    private CliHost(DataprepSettings settings, ActivityRegistry registry)
    {
        Settings = settings;
        Registry = registry;
    }

    public DataprepSettings Settings { get; }

    public ActivityRegistry Registry { get; }

    public IExpressionEngine Expressions { get; } = new JintExpressionEngine();

    public static CliHost Load()
    {
        var settings = SettingsLoader.Load();
        var plugins = PluginLoader.Load(settings.Plugins, settings.BaseFolder);
        return new CliHost(settings, BuildRegistry(settings, plugins));
    }

    /// <summary>
    /// The registry every host uses: the engine's control activities, the data activities, the trigger types (events,
    /// schedules, HTTP) and the configured plugins.
    /// </summary>
    public static ActivityRegistry BuildRegistry(DataprepSettings settings, IEnumerable<System.Reflection.Assembly>? plugins = null) =>
        ActivityRegistry.WithBuiltIns(
        [
            typeof(LoanSampleOptions).Assembly,
            typeof(DataPrepWorkflows.Events.Triggers.EventBridgeTrigger).Assembly,
            typeof(DataPrepWorkflows.Scheduling.Triggers.CronTrigger).Assembly,
            typeof(DataPrepWorkflows.Http.Endpoints.HttpEndpoint).Assembly,
            .. plugins ?? PluginLoader.Load(settings.Plugins, settings.BaseFolder),
        ]);

    /// <summary>The local state folder (catalog, storage root, runs), resolved against the configuration's folder.</summary>
    public string StateFolder => ResolvePath(Settings.StateFolder);

    /// <summary>Opens the data backends of the embedded default (storage folder, catalog, DuckDB).</summary>
    public Task<DataBackends> OpenBackendsAsync(CancellationToken cancellationToken) =>
        DataBackends.OpenLocalAsync(StateFolder, TimeProvider.System, cancellationToken);

    /// <summary>A path from configuration, resolved against the configuration file's folder.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, Settings.BaseFolder);
}
