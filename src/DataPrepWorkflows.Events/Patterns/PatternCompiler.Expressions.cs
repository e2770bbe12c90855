namespace DataPrepWorkflows.Events.Patterns;

/// <summary>The operator objects inside a value list (<c>{"prefix": …}</c>, <c>{"numeric": […]}</c>, …).</summary>
internal static partial class PatternCompiler
{
    private const string OnlyOneKey = "Only one key allowed in match expression";

    private static ValueMatcher MatchExpression(PatternReader reader)
    {
        if (reader.Next() != PatternToken.FieldName)
        {
            throw reader.Fail("Match expression name not found");
        }

        var operation = reader.Name;
        switch (operation)
        {
            case "exactly":
                return Single(reader, "exact match pattern must be a string", text => new ExactStringMatcher(text));
            case "prefix":
                return PrefixOrSuffix(reader, prefix: true);
            case "suffix":
                return PrefixOrSuffix(reader, prefix: false);
            case "equals-ignore-case":
                return Single(reader, "equals-ignore-case match pattern must be a string", text => new EqualsIgnoreCaseMatcher(text));
            case "wildcard":
                return Single(reader, "wildcard match pattern must be a string", text => new WildcardMatcher(ParseWildcard(reader, text)));
            case "numeric":
                if (reader.Next() != PatternToken.StartArray)
                {
                    throw reader.Fail("Value of numeric must be an array.");
                }

                var range = NumericExpression(reader);
                if (reader.Next() != PatternToken.EndObject)
                {
                    throw TooManyElements(reader);
                }

                return range;
            case "anything-but":
                return AnythingButExpression(reader);
            case "exists":
                var exists = reader.Next() switch
                {
                    PatternToken.True => true,
                    PatternToken.False => false,
                    _ => throw reader.Fail("exists match pattern must be either true or false."),
                };
                if (reader.Next() != PatternToken.EndObject)
                {
                    throw reader.Fail(OnlyOneKey);
                }

                return new ExistsMatcher(exists);
            case "cidr":
                if (reader.Next() != PatternToken.String)
                {
                    throw reader.Fail("prefix match pattern must be a string");
                }

                // CIDR parse failures reach AWS callers without a location.
                var cidr = new CidrMatcher(CidrRange.Parse(reader.Text));
                if (reader.Next() != PatternToken.EndObject)
                {
                    throw reader.Fail(OnlyOneKey);
                }

                return cidr;
            default:
                throw reader.Fail("Unrecognized match type " + operation);
        }
    }

    private static ValueMatcher Single(PatternReader reader, string notString, Func<string, ValueMatcher> create)
    {
        if (reader.Next() != PatternToken.String)
        {
            throw reader.Fail(notString);
        }

        var matcher = create(reader.Text);
        if (reader.Next() != PatternToken.EndObject)
        {
            throw reader.Fail(OnlyOneKey);
        }

        return matcher;
    }

    private static ValueMatcher PrefixOrSuffix(PatternReader reader, bool prefix)
    {
        var kind = prefix ? "prefix" : "suffix";
        var token = reader.Next();
        if (token == PatternToken.StartObject)
        {
            if (reader.Next() != PatternToken.FieldName)
            {
                throw reader.Fail((prefix ? "Prefix" : "Suffix") + " expression name not found");
            }

            if (reader.Name != "equals-ignore-case")
            {
                throw reader.Fail($"Unsupported {kind} pattern: {reader.Name}");
            }

            if (reader.Next() != PatternToken.String)
            {
                throw reader.Fail("equals-ignore-case match pattern must be a string");
            }

            var text = reader.Text;
            if (reader.Next() != PatternToken.EndObject || reader.Next() != PatternToken.EndObject)
            {
                throw reader.Fail(OnlyOneKey);
            }

            return prefix ? new PrefixMatcher(text, IgnoreCase: true) : new SuffixMatcher(text, IgnoreCase: true);
        }

        if (token != PatternToken.String)
        {
            throw reader.Fail(kind + " match pattern must be a string");
        }

        var value = reader.Text;
        if (reader.Next() != PatternToken.EndObject)
        {
            throw reader.Fail(OnlyOneKey);
        }

        return prefix ? new PrefixMatcher(value, IgnoreCase: false) : new SuffixMatcher(value, IgnoreCase: false);
    }

    private static WildcardPattern ParseWildcard(PatternReader reader, string text)
    {
        try
        {
            return WildcardPattern.Parse(text);
        }
        catch (PatternSyntaxException e)
        {
            throw reader.Fail(e.Message);
        }
    }

    private static PatternSyntaxException TooManyElements(PatternReader reader) => reader.Fail("Too many elements in numeric expression");
}
