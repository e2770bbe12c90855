using System.Reflection;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Descriptors;

/// <summary>
/// The activity types a host knows, by type name. Built from assemblies: every concrete <see cref="Activity"/> class with
/// an <see cref="ActivityAttribute"/> is registered, so a plugin is one assembly plus one line of configuration.
/// Immutable once built.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType;

    private ActivityRegistry(Dictionary<string, ActivityDescriptor> byType) => _byType = byType;

    /// <summary>All descriptors ordered by category, then type name (stable for schemas and listings).</summary>
    public IReadOnlyList<ActivityDescriptor> Descriptors =>
        _byType.Values.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.TypeName, StringComparer.Ordinal).ToList();

    /// <summary>Finds a descriptor by type name (case-sensitive), or <c>null</c>.</summary>
    public ActivityDescriptor? Find(string typeName) => _byType.GetValueOrDefault(typeName);

    /// <summary>Builds a registry from the activity classes found in the given assemblies.</summary>
    /// <exception cref="InvalidOperationException">Two classes claim the same type name.</exception>
    public static ActivityRegistry FromAssemblies(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return FromTypes(assemblies.Distinct().SelectMany(a => a.GetTypes()));
    }

    /// <summary>Builds a registry from the given activity classes (types without <see cref="ActivityAttribute"/> are skipped).</summary>
    /// <exception cref="InvalidOperationException">Two classes claim the same type name.</exception>
    public static ActivityRegistry FromTypes(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var byType = new Dictionary<string, ActivityDescriptor>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type.IsAbstract || !typeof(Activity).IsAssignableFrom(type) || type.GetCustomAttribute<ActivityAttribute>() is null)
            {
                continue;
            }

            var descriptor = ActivityDescriber.Describe(type);
            if (byType.TryGetValue(descriptor.TypeName, out var existing) && existing.ClrType != type)
            {
                throw new InvalidOperationException(
                    $"Activity type name '{descriptor.TypeName}' is claimed by both {existing.ClrType?.FullName} and {type.FullName}.");
            }

            byType[descriptor.TypeName] = descriptor;
        }

        return new ActivityRegistry(byType);
    }

    /// <summary>A registry with the engine's built-in control activities plus the given assemblies.</summary>
    public static ActivityRegistry WithBuiltIns(params Assembly[] plugins) =>
        FromAssemblies(plugins.Prepend(typeof(ActivityRegistry).Assembly));
}
