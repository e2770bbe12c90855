using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Descriptors;

/// <summary>Builds an <see cref="ActivityDescriptor"/> from an activity class and its attributes.</summary>
public static class ActivityDescriber
{
    /// <summary>Describes <paramref name="type"/>, which must derive from <see cref="Activity"/> and carry <see cref="ActivityAttribute"/>.</summary>
    /// <exception cref="ArgumentException">The type is not a describable activity (a programming error in a plugin).</exception>
    public static ActivityDescriptor Describe(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(Activity).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type.FullName} is not a concrete activity class.", nameof(type));
        }

        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.FullName} has no [Activity] attribute.", nameof(type));
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"{type.FullName} needs a public parameterless constructor.", nameof(type));
        }

        var outcomes = type.GetCustomAttribute<OutcomesAttribute>()?.Outcomes ?? [OutcomesAttribute.Done];
        return new ActivityDescriptor
        {
            TypeName = attribute.TypeName,
            Version = attribute.Version,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? Humanize(attribute.TypeName),
            Description = attribute.Description,
            Kind = typeof(TriggerActivity).IsAssignableFrom(type) ? ActivityKind.Trigger : ActivityKind.Action,
            Inputs = DescribeInputs(type),
            Outputs = DescribeOutputs(type),
            Outcomes = outcomes,
            DynamicOutcomes = attribute.DynamicOutcomes,
            HasBody = attribute.HasBody,
            IsTerminal = attribute.IsTerminal,
            SafeToRerun = attribute.SafeToRerun,
            Factory = () => (Activity)Activator.CreateInstance(type)!,
            ClrType = type,
        };
    }

    /// <summary>The name used in workflow files for a CLR property: camelCase.</summary>
    public static string JsonName(string propertyName) =>
        propertyName.Length == 0 ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];

    /// <summary>The JSON type name (<see cref="InputTypes"/>) for a CLR type.</summary>
    public static string JsonType(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || t.IsEnum || t == typeof(Uri) || t == typeof(Guid))
        {
            return InputTypes.String;
        }

        if (t == typeof(bool))
        {
            return InputTypes.Boolean;
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte))
        {
            return InputTypes.Integer;
        }

        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            return InputTypes.Number;
        }

        if (t == typeof(TimeSpan))
        {
            return InputTypes.Duration;
        }

        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            return InputTypes.DateTime;
        }

        if (t == typeof(JsonNode) || t == typeof(JsonElement) || t == typeof(object))
        {
            return InputTypes.Any;
        }

        if (t == typeof(JsonArray) || (t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)
            && !IsDictionary(t)))
        {
            return InputTypes.Array;
        }

        return InputTypes.Object;
    }

    private static bool IsDictionary(Type t) =>
        t == typeof(JsonObject) || t.GetInterfaces().Append(t).Any(i =>
            i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>)
                                || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));

    private static List<InputDescriptor> DescribeInputs(Type type)
    {
        var inputs = new List<(int Order, int Index, InputDescriptor Input)>();
        var index = 0;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var input = property.GetCustomAttribute<InputAttribute>();
            if (input is null)
            {
                continue;
            }

            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var jsonType = JsonType(property.PropertyType);
            var allowed = input.AllowedValues ?? (propertyType.IsEnum ? Enum.GetNames(propertyType) : null);
            inputs.Add((input.Order, index++, new InputDescriptor
            {
                Name = JsonName(property.Name),
                Type = jsonType,
                DisplayName = Humanize(property.Name),
                Description = input.Description,
                Required = input.Required,
                DefaultValue = input.DefaultJson is null ? null : JsonNode.Parse(input.DefaultJson),
                AllowedValues = allowed,
                UIHint = input.UIHint ?? DefaultUIHint(jsonType, allowed),
                AllowExpressions = input.AllowExpressions,
                Secret = input.Secret,
                Category = input.Category,
            }));
        }

        return inputs.OrderBy(i => i.Order).ThenBy(i => i.Index).Select(i => i.Input).ToList();
    }

    private static List<OutputDescriptor> DescribeOutputs(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Output: p.GetCustomAttribute<OutputAttribute>()))
            .Where(p => p.Output is not null)
            .Select(p => new OutputDescriptor(JsonName(p.Property.Name), JsonType(p.Property.PropertyType), p.Output!.Description))
            .ToList();

    private static string DefaultUIHint(string jsonType, IReadOnlyList<string>? allowed) => jsonType switch
    {
        _ when allowed is { Count: > 0 } => "dropdown",
        InputTypes.Boolean => "checkbox",
        InputTypes.Object or InputTypes.Array or InputTypes.Any => "json-editor",
        InputTypes.Duration => "duration",
        InputTypes.DateTime => "datetime-picker",
        _ => "singleline",
    };

    /// <summary>Splits <c>QualityGate</c> into <c>Quality Gate</c>.</summary>
    public static string Humanize(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append(' ');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
