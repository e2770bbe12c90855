using System.Text.Json.Nodes;
using Jint.Native.Object;
using JintEngine = Jint.Engine;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>
/// A plain JavaScript object over a JSON object: properties are created (in JSON order) the first time the object is
/// touched, and each value is converted only when read (<see cref="LazyJsonProperty"/>).
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
            FastSetProperty(key, new LazyJsonProperty(Engine, value));
        }
    }
}
