namespace DataPrepWorkflows.Events.Patterns;

/// <summary><c>{"numeric": [op, value(, op, value)]}</c>: one bound, a range with the lower bound first, or <c>=</c>.</summary>
internal static partial class PatternCompiler
{
    private static NumericRangeMatcher NumericExpression(PatternReader reader)
    {
        if (reader.Next() != PatternToken.String)
        {
            throw reader.Fail("Invalid member in numeric match: " + reader.Text);
        }

        var operation = reader.Text;
        var token = reader.Next();
        switch (operation)
        {
            case "=":
                RequireNumeric(reader, token, "Value of equals must be numeric");
                var value = Scale(reader, reader.Text);
                if (reader.Next() != PatternToken.EndArray)
                {
                    throw TooManyElements(reader);
                }

                return new NumericRangeMatcher(value, false, value, false);
            case ">=":
            case ">":
                RequireNumeric(reader, token, $"Value of {operation} must be numeric");
                var bottom = reader.Text;
                var openBottom = operation == ">";
                token = reader.Next();
                return token == PatternToken.EndArray
                    ? Range(reader, bottom, openBottom, null, false)
                    : CompleteRange(reader, token, bottom, openBottom);
            case "<=":
            case "<":
                RequireNumeric(reader, token, $"Value of {operation} must be numeric");
                var top = reader.Text;
                if (reader.Next() != PatternToken.EndArray)
                {
                    throw TooManyElements(reader);
                }

                return Range(reader, null, false, top, operation == "<");
            default:
                throw reader.Fail("Unrecognized numeric range operator: " + operation);
        }
    }

    private static NumericRangeMatcher CompleteRange(PatternReader reader, PatternToken token, string bottom, bool openBottom)
    {
        if (token != PatternToken.String)
        {
            throw reader.Fail("Bad value in numeric range: " + reader.Text);
        }

        var operation = reader.Text;
        if (operation is not ("<" or "<="))
        {
            throw reader.Fail("Bad numeric range operator: " + operation);
        }

        if (!reader.Next().IsNumeric())
        {
            throw reader.Fail($"Value of {operation} must be numeric");
        }

        var top = reader.Text;
        if (reader.Next() != PatternToken.EndArray)
        {
            throw reader.Fail("Too many terms in numeric range expression");
        }

        return Range(reader, bottom, openBottom, top, operation == "<");
    }

    /// <summary>A missing bound is the edge of the comparable domain (±5.0E9, closed), as in EventBridge.</summary>
    private static NumericRangeMatcher Range(PatternReader reader, string? bottom, bool openBottom, string? top, bool openTop)
    {
        var bottomValue = bottom is null ? -5e9 : double.Parse(bottom, System.Globalization.CultureInfo.InvariantCulture);
        var topValue = top is null ? 5e9 : double.Parse(top, System.Globalization.CultureInfo.InvariantCulture);
        if (bottomValue >= topValue)
        {
            throw reader.Fail("Bottom must be less than top");
        }

        var low = bottom is null ? -ComparableNumber.Limit : Scale(reader, bottom);
        var high = top is null ? ComparableNumber.Limit : Scale(reader, top);
        return new NumericRangeMatcher(low, openBottom, high, openTop);
    }

    private static long Scale(PatternReader reader, string text) =>
        ComparableNumber.TryScale(text, out var scaled, out var error) ? scaled : throw reader.Fail(error!);

    private static void RequireNumeric(PatternReader reader, PatternToken token, string message)
    {
        if (!token.IsNumeric())
        {
            throw reader.Fail(message);
        }
    }
}
