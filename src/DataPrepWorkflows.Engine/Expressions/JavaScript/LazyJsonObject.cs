using System.Text.Json.Nodes;
using Jint.Native.Object;
using JintEngine = Jint.Engine;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>
/// A plain JavaScript object whose properties are converted from JSON the first time the object is touched, so a
/// large scope (a whole activity output) costs only what the expression reads.
/// </summary>
internal sealed class LazyJsonObject : ObjectInstance
{
    private JsonObject? _pending;

    public LazyJsonObject(JintEngine engine, JsonObject json)
        : base(engine)
    {
        _pending = json;
        Prototype = engine.Object.PrototypeObject;
        Extensible = true;
    }

    protected override void EnsureInitialized()
    {
        if (_pending is not { } json)
        {
            return;
        }

        // Cleared first: adding properties below re-enters EnsureInitialized.
        _pending = null;
        foreach (var (key, value) in json)
        {
            FastAddProperty(key, JsonToJs.Convert(Engine, value), writable: true, enumerable: true, configurable: true);
        }
    }
}
