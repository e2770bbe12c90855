using System.Linq.Expressions;
using System.Reflection;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Creates an activity class and moves values onto its [Input] properties and off its [Output] properties through
/// delegates compiled once per type, so binding costs no reflection per execution.
/// </summary>
internal sealed class ActivityBinder
{
    private readonly Dictionary<string, InputBinding> _inputs;

    private ActivityBinder(Func<Activity> create, Dictionary<string, InputBinding> inputs, OutputBinding[] outputs)
    {
        Create = create;
        _inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>Creates a new instance of the activity.</summary>
    public Func<Activity> Create { get; }

    /// <summary>The [Output] properties.</summary>
    public OutputBinding[] Outputs { get; }

    /// <summary>The input property for the JSON name, or <c>null</c> when the class has none.</summary>
    public InputBinding? FindInput(string name) => _inputs.GetValueOrDefault(name);

    /// <summary>Builds the binder for <paramref name="descriptor"/>'s CLR type.</summary>
    public static ActivityBinder For(ActivityDescriptor descriptor)
    {
        var type = descriptor.ClrType;
        if (type is null)
        {
            var factory = descriptor.Factory
                ?? throw new WorkflowDefinitionException("ENG006", $"Activity type '{descriptor.TypeName}' has neither a CLR type nor a factory.");
            return new ActivityBinder(factory, new(StringComparer.Ordinal), []);
        }

        var create = Expression.Lambda<Func<Activity>>(Expression.Convert(Expression.New(type), typeof(Activity))).Compile();
        var inputs = new Dictionary<string, InputBinding>(StringComparer.Ordinal);
        var outputs = new List<OutputBinding>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<InputAttribute>() is not null && property.SetMethod is { IsPublic: true })
            {
                inputs[ActivityDescriber.JsonName(property.Name)] = new InputBinding(property.PropertyType, CompileSetter(type, property));
            }

            if (property.GetCustomAttribute<OutputAttribute>() is not null && property.GetMethod is { IsPublic: true })
            {
                outputs.Add(new OutputBinding(ActivityDescriber.JsonName(property.Name), CompileGetter(type, property)));
            }
        }

        return new ActivityBinder(create, inputs, [.. outputs]);
    }

    private static Action<Activity, object?> CompileSetter(Type type, PropertyInfo property)
    {
        var activity = Expression.Parameter(typeof(Activity), "activity");
        var value = Expression.Parameter(typeof(object), "value");
        var body = Expression.Assign(
            Expression.Property(Expression.Convert(activity, type), property),
            Expression.Convert(value, property.PropertyType));
        return Expression.Lambda<Action<Activity, object?>>(body, activity, value).Compile();
    }

    private static Func<Activity, object?> CompileGetter(Type type, PropertyInfo property)
    {
        var activity = Expression.Parameter(typeof(Activity), "activity");
        var body = Expression.Convert(Expression.Property(Expression.Convert(activity, type), property), typeof(object));
        return Expression.Lambda<Func<Activity, object?>>(body, activity).Compile();
    }
}

/// <summary>One [Input] property: its type and a compiled setter.</summary>
internal sealed record InputBinding(Type Type, Action<Activity, object?> Set)
{
    /// <summary>Whether null cannot be assigned (a non-nullable value type).</summary>
    public bool RejectsNull { get; } = Type.IsValueType && Nullable.GetUnderlyingType(Type) is null;
}

/// <summary>One [Output] property: its JSON name and a compiled getter.</summary>
internal sealed record OutputBinding(string Name, Func<Activity, object?> Get);
