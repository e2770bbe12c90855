using System.Collections.Concurrent;
using Jint.Native;
using Jint.Native.Object;
using JintEngine = Jint.Engine;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>
/// A pool of sandboxed Jint engines. Building an engine costs far more than evaluating a typical expression, so
/// engines are reused; reuse is safe because every built-in and the global object are frozen at creation (strict
/// mode makes writes to them throw) and scope names live in a per-evaluation environment, never on the global object.
/// </summary>
internal sealed class SandboxedEngines
{
    private readonly ConcurrentBag<JintEngine> _idle = [];
    private readonly ExpressionLimits _limits;

    public SandboxedEngines(ExpressionLimits limits) => _limits = limits;

    public ExpressionLimits Limits => _limits;

    public JintEngine Rent() => _idle.TryTake(out var engine) ? engine : Create();

    /// <summary>Returns an engine after a clean evaluation; engines that threw are dropped instead.</summary>
    public void Return(JintEngine engine)
    {
        if (_idle.Count < _limits.PoolSize)
        {
            _idle.Add(engine);
        }
    }

    private JintEngine Create()
    {
        // No AllowClr: scripts see only standard JavaScript built-ins, never .NET types or importNamespace.
        var engine = new JintEngine(options => options
            .Strict()
            .TimeoutInterval(_limits.Timeout)
            .MaxStatements(_limits.MaxStatements)
            .LimitRecursion(_limits.MaxRecursionDepth)
            .Culture(System.Globalization.CultureInfo.InvariantCulture)
            .LocalTimeZone(TimeZoneInfo.Utc));
        Freeze(engine);
        return engine;
    }

    // Freezes the global object and every built-in constructor, its prototype and namespace objects (Math, JSON), so
    // no evaluation can leave state behind for the next one. Done from .NET so it does not count against the limits.
    private static void Freeze(JintEngine engine)
    {
        var global = engine.Global;
        foreach (var (name, _) in global.GetOwnProperties().ToList())
        {
            if (global.Get(name) is { } value && value.IsObject())
            {
                var obj = value.AsObject();
                // Error and RegExp instances get 'message', 'source', 'lastIndex'… by assignment, which a frozen
                // prototype would silently refuse (ES5 "override mistake"), so those two prototypes stay open.
                var keepPrototypeOpen = name.EndsWith("Error", StringComparison.Ordinal) || name == "RegExp";
                if (!keepPrototypeOpen && obj.Get("prototype") is { } prototype && prototype.IsObject())
                {
                    FreezeObject(engine, prototype.AsObject());
                }

                FreezeObject(engine, obj);
            }
        }

        if (global.Prototype is { } globalPrototype)
        {
            FreezeObject(engine, globalPrototype);
        }

        FreezeObject(engine, global);
    }

    private static void FreezeObject(JintEngine engine, ObjectInstance obj) =>
        engine.Object.Freeze(JsValue.Undefined, [obj]);
}
