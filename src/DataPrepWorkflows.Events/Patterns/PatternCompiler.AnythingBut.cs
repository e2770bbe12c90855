namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// <c>{"anything-but": …}</c> in all its forms. Rejections raised while reading a list are reported with the location
/// twice, exactly as EventBridge's compiler reports them (it re-wraps an already located message).
/// </summary>
internal static partial class PatternCompiler
{
    private enum ButKind
    {
        Plain,
        IgnoreCase,
        Prefix,
        Suffix,
        Wildcard,
    }

    private static ValueMatcher AnythingButExpression(PatternReader reader)
    {
        var kind = ButKind.Plain;
        var token = reader.Next();
        if (token == PatternToken.StartObject)
        {
            if (reader.Next() != PatternToken.FieldName)
            {
                throw reader.Fail("Anything-But expression name not found");
            }

            kind = reader.Name switch
            {
                "equals-ignore-case" => ButKind.IgnoreCase,
                "prefix" => ButKind.Prefix,
                "suffix" => ButKind.Suffix,
                "wildcard" => ButKind.Wildcard,
                _ => throw reader.Fail("Unsupported anything-but pattern: " + reader.Name),
            };
            token = reader.Next();
        }

        if (token is not (PatternToken.StartArray or PatternToken.String or PatternToken.NumberFloat or PatternToken.NumberInt))
        {
            throw reader.Fail("Value of anything-but must be an array or single string/number value.");
        }

        ValueMatcher matcher;
        if (token == PatternToken.StartArray)
        {
            matcher = kind == ButKind.Plain ? PlainList(reader) : ValueSetList(reader, kind);
        }
        else
        {
            matcher = kind == ButKind.Plain ? PlainSingle(reader, token) : ValueSetSingle(reader, token, kind);
        }

        if (reader.Next() != PatternToken.EndObject || (kind != ButKind.Plain && reader.Next() != PatternToken.EndObject))
        {
            throw TooManyElements(reader);
        }

        return matcher;
    }

    private static ValueMatcher PlainList(PatternReader reader)
    {
        var strings = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<long>();
        PatternToken token;
        while ((token = reader.Next()) != PatternToken.EndArray)
        {
            switch (token)
            {
                case PatternToken.String:
                    strings.Add(reader.Text);
                    break;
                case PatternToken.NumberInt:
                case PatternToken.NumberFloat:
                    if (!ComparableNumber.TryScale(reader.Text, out var scaled, out var error))
                    {
                        throw reader.Fail(error!);
                    }

                    numbers.Add(scaled);
                    break;
                default:
                    throw Twice(reader, "Inside anything but list, start|null|boolean is not supported.");
            }
        }

        if ((strings.Count > 0) == (numbers.Count > 0))
        {
            throw reader.Fail("Inside anything but list, either all values are number or string, mixed type is not supported");
        }

        return strings.Count > 0 ? new AnythingButStringsMatcher(strings) : new AnythingButNumbersMatcher(numbers);
    }

    private static ValueMatcher PlainSingle(PatternReader reader, PatternToken token)
    {
        if (token == PatternToken.String)
        {
            return new AnythingButStringsMatcher(new HashSet<string>(StringComparer.Ordinal) { reader.Text });
        }

        // EventBridge reports an out-of-domain single number without a location.
        return ComparableNumber.TryScale(reader.Text, out var scaled, out var error)
            ? new AnythingButNumbersMatcher(new HashSet<long> { scaled })
            : throw new PatternSyntaxException(error!);
    }

    private static ValueMatcher ValueSetList(PatternReader reader, ButKind kind)
    {
        var values = new List<string>();
        PatternToken token;
        while ((token = reader.Next()) != PatternToken.EndArray)
        {
            if (token != PatternToken.String)
            {
                throw Twice(reader, NotAStringReason(kind));
            }

            var text = reader.Text;
            if (kind is ButKind.Prefix or ButKind.Suffix && text.Length == 0)
            {
                throw Twice(reader, "Null prefix/suffix not allowed");
            }

            values.Add(text);
        }

        return Build(reader, kind, values);
    }

    private static ValueMatcher ValueSetSingle(PatternReader reader, PatternToken token, ButKind kind)
    {
        if (token != PatternToken.String)
        {
            throw reader.Fail(NotAStringReason(kind));
        }

        var text = reader.Text;
        if (kind is ButKind.Prefix or ButKind.Suffix && text.Length == 0)
        {
            throw reader.Fail("Null prefix/suffix not allowed");
        }

        return Build(reader, kind, [text]);
    }

    private static ValueMatcher Build(PatternReader reader, ButKind kind, List<string> values) => kind switch
    {
        ButKind.IgnoreCase => new AnythingButIgnoreCaseMatcher(new HashSet<string>(values, StringComparer.OrdinalIgnoreCase)),
        ButKind.Prefix => new AnythingButPrefixMatcher(values.Distinct(StringComparer.Ordinal).ToList()),
        ButKind.Suffix => new AnythingButSuffixMatcher(values.Distinct(StringComparer.Ordinal).ToList()),
        _ => new AnythingButWildcardMatcher(values.Distinct(StringComparer.Ordinal).Select(v => ParseWildcard(reader, v)).ToList()),
    };

    private static string NotAStringReason(ButKind kind) => kind switch
    {
        ButKind.IgnoreCase => "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
        ButKind.Wildcard => "wildcard match pattern must be a string",
        _ => "prefix/suffix match pattern must be a string",
    };

    private static PatternSyntaxException Twice(PatternReader reader, string reason) => new(reader.Located(reader.Located(reason)));
}
