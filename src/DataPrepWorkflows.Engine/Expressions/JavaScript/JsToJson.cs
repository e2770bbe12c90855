using System.Globalization;
using System.Text.Json.Nodes;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Boolean;
using Jint.Native.Date;
using Jint.Native.Number;
using Jint.Native.Object;
using Jint.Native.String;
using Jint.Runtime;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>
/// Turns a JavaScript result into JSON: whole numbers stay integers, dates become ISO 8601 strings, <c>undefined</c>,
/// <c>NaN</c>, infinities and functions become <c>null</c>.
/// </summary>
internal static class JsToJson
{
    // Beyond 2^53 a double no longer holds every integer, so such values stay doubles.
    private const double MaxSafeInteger = 9007199254740991d;

    // A sparse array can claim billions of items while holding none; refuse before iterating.
    private const long MaxArrayLength = 1_000_000;

    public static JsonNode? Convert(JsValue value, int maxDepth) => Convert(value, maxDepth, 0);

    private static JsonNode? Convert(JsValue value, int maxDepth, int depth)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsNumber())
        {
            return Number(value.AsNumber());
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (depth >= maxDepth)
        {
            throw new ExpressionEvaluationException(
                $"The result nests deeper than {maxDepth} levels (is it circular?); return a smaller value.");
        }

        var obj = value.AsObject();
        return obj switch
        {
            DateInstance date => Date(date.PrimitiveValue),
            ArrayInstance array => Array(array, maxDepth, depth),
            BooleanInstance or NumberInstance or StringInstance => Convert(TypeConverter.ToPrimitive(value, Types.None), maxDepth, depth),
            ICallable => null,
            _ => Object(obj, maxDepth, depth),
        };
    }

    private static JsonValue? Number(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return null;
        }

        return Math.Abs(d) <= MaxSafeInteger && d == Math.Truncate(d)
            ? JsonValue.Create((long)d)
            : JsonValue.Create(d);
    }

    private static JsonValue? Date(double millisecondsSinceEpoch)
    {
        if (double.IsNaN(millisecondsSinceEpoch))
        {
            return null;
        }

        var instant = DateTimeOffset.FromUnixTimeMilliseconds((long)millisecondsSinceEpoch);
        return JsonValue.Create(instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    private static JsonArray Array(ArrayInstance array, int maxDepth, int depth)
    {
        var length = (long)TypeConverter.ToNumber(array.Get("length"));
        if (length > MaxArrayLength)
        {
            throw new ExpressionEvaluationException(
                $"The result is an array of {length} items, more than {MaxArrayLength}; return a smaller value.");
        }

        var result = new JsonArray();
        for (var i = 0L; i < length; i++)
        {
            result.Add(Convert(array.Get(i.ToString(CultureInfo.InvariantCulture)), maxDepth, depth + 1));
        }

        return result;
    }

    private static JsonObject Object(ObjectInstance obj, int maxDepth, int depth)
    {
        var result = new JsonObject();
        foreach (var (key, descriptor) in obj.GetOwnProperties().ToList())
        {
            if (descriptor.Enumerable != true)
            {
                continue;
            }

            var item = obj.Get(key);
            if (item.IsUndefined() || (item.IsObject() && item.AsObject() is ICallable))
            {
                // JSON.stringify leaves these out too.
                continue;
            }

            result[key] = Convert(item, maxDepth, depth + 1);
        }

        return result;
    }
}
