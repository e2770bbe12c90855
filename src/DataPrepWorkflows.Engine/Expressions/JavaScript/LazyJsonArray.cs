using System.Globalization;
using System.Text.Json.Nodes;
using Jint.Native.Array;
using JintEngine = Jint.Engine;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>A JavaScript array over a JSON array whose items are converted only when read.</summary>
internal sealed class LazyJsonArray : ArrayInstance
{
    public LazyJsonArray(JintEngine engine, JsonArray json)
        : base(engine)
    {
        Prototype = engine.Array.PrototypeObject;
        Extensible = true;
        FastAddProperty("length", 0, writable: true, enumerable: false, configurable: false);
        for (var i = 0; i < json.Count; i++)
        {
            SetOwnProperty(i.ToString(CultureInfo.InvariantCulture), new LazyJsonProperty(engine, json[i]));
        }

        Put("length", json.Count, throwOnError: false);
    }
}
