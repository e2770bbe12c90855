using System.Reflection;
using System.Runtime.Loader;
using DataPrepWorkflows.Cli.Console;

namespace DataPrepWorkflows.Cli.Plugins;

/// <summary>Loads the plugin assemblies named in configuration (one line per plugin: its path).</summary>
internal static class PluginLoader
{
    public static IReadOnlyList<Assembly> Load(IEnumerable<string> paths, string baseFolder)
    {
        var assemblies = new List<Assembly>();
        foreach (var configured in paths)
        {
            var full = Path.GetFullPath(configured, baseFolder);
            if (!File.Exists(full))
            {
                throw new UserError(CliErrorCodes.PluginNotLoadable,
                    $"plugin '{configured}' (Activities:Plugins in appsettings.json) was not found at {full}; build the plugin or fix the path.");
            }

            try
            {
                assemblies.Add(AssemblyLoadContext.Default.LoadFromAssemblyPath(full));
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException)
            {
                throw new UserError(CliErrorCodes.PluginNotLoadable, $"plugin '{configured}' is not a loadable .NET assembly: {e.Message}");
            }
        }

        return assemblies;
    }
}
