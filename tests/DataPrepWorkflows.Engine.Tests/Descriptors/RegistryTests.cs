using System.Reflection;
using System.Reflection.Emit;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Control;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Tests.Support;

namespace DataPrepWorkflows.Engine.Tests.Descriptors;

public sealed class RegistryTests
{
    [Fact]
    public void BuiltIns_AreRegistered_WithControlDescriptors()
    {
        var registry = ActivityRegistry.WithBuiltIns();

        Assert.Equal(
            ["Delay", "Fail", "Finish", "ForEach", "Fork", "If", "Join", "Log", "RunWorkflow", "SetVariable", "Switch"],
            registry.Descriptors.Where(d => d.Category == "Control").Select(d => d.TypeName));
        Assert.True(registry.Find("ForEach")!.HasBody);
        Assert.True(registry.Find("Switch")!.DynamicOutcomes);
        Assert.True(registry.Find("Finish")!.IsTerminal);
        Assert.Equal(["True", "False"], registry.Find("If")!.Outcomes);
        Assert.Equal(["WaitAll", "WaitAny"], registry.Find("Join")!.FindInput("mode")!.AllowedValues!);
        Assert.Equal("results", Assert.Single(registry.Find("ForEach")!.Outputs).Name);
        Assert.Equal("duration", registry.Find("Delay")!.FindInput("duration")!.Type);
    }

    [Fact]
    public void PluginAssembly_IsDiscovered_WithEveryActivityClassInIt()
    {
        var registry = ActivityRegistry.WithBuiltIns(typeof(Noop).Assembly);

        Assert.NotNull(registry.Find("Noop"));
        Assert.NotNull(registry.Find("ThresholdCheck"));
        Assert.NotNull(registry.Find("If"));
        Assert.Null(registry.Find("noop"));
    }

    [Fact]
    public void DuplicateTypeNames_AreRejected_NamingBothClasses()
    {
        var impostor = EmitSubclassNamed("Noop");

        var ex = Assert.Throws<InvalidOperationException>(() => ActivityRegistry.FromTypes([typeof(Noop), impostor]));

        Assert.Contains("'Noop'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Noop).FullName!, ex.Message, StringComparison.Ordinal);
        Assert.Contains(impostor.FullName!, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameClassTwice_IsNotADuplicate()
    {
        var registry = ActivityRegistry.FromTypes([typeof(If), typeof(If)]);

        Assert.Single(registry.Descriptors);
    }

    /// <summary>A class in another (dynamic) assembly claiming <paramref name="typeName"/>, as a conflicting plugin would.</summary>
    private static Type EmitSubclassNamed(string typeName)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("ConflictingPlugin"), AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule("ConflictingPlugin");
        var type = module.DefineType("ConflictingPlugin.Impostor", TypeAttributes.Public | TypeAttributes.Class, typeof(Noop));
        type.DefineDefaultConstructor(MethodAttributes.Public);
        type.SetCustomAttribute(new CustomAttributeBuilder(typeof(ActivityAttribute).GetConstructor([typeof(string)])!, [typeName]));
        return type.CreateType();
    }
}
