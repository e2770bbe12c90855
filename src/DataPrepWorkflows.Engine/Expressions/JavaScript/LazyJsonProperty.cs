using System.Text.Json.Nodes;
using Jint.Native;
using Jint.Runtime.Descriptors;
using JintEngine = Jint.Engine;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>
/// A writable, enumerable, configurable data property whose JavaScript value is built from JSON on first read, so an
/// expression that reads one field of a large activity output pays for that field only.
/// </summary>
internal sealed class LazyJsonProperty : PropertyDescriptor
{
    private JintEngine? _engine;
    private JsonNode? _json;
    private JsValue? _value;

    public LazyJsonProperty(JintEngine engine, JsonNode? json)
        : base(value: null, writable: true, enumerable: true, configurable: true)
    {
        _engine = engine;
        _json = json;
    }

    public override JsValue Value
    {
        get
        {
            if (_engine is { } engine)
            {
                _value = JsonToJs.Convert(engine, _json);
                _engine = null;
                _json = null;
            }

            return _value!;
        }

        set
        {
            _engine = null;
            _json = null;
            _value = value;
        }
    }
}
