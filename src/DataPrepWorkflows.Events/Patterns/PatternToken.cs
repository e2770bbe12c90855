namespace DataPrepWorkflows.Events.Patterns;

/// <summary>The JSON tokens the pattern compiler walks, in the order a streaming reader produces them.</summary>
internal enum PatternToken
{
    None,
    StartObject,
    EndObject,
    StartArray,
    EndArray,
    FieldName,
    String,
    NumberInt,
    NumberFloat,
    True,
    False,
    Null,
}

/// <summary>Token classification helpers.</summary>
internal static class PatternTokenExtensions
{
    public static bool IsNumeric(this PatternToken token) => token is PatternToken.NumberInt or PatternToken.NumberFloat;
}
