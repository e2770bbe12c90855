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
        var registry = ActivityRegistry.WithBuiltIns([typeof(LoanSampleOptions).Assembly, .. plugins]);
        return new CliHost(settings, registry);
    }

    /// <summary>A path from configuration, resolved against the configuration file's folder.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, Settings.BaseFolder);
}
