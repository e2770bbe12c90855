namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// Compiles pattern JSON into sub-rules, walking the text with the same token steps and the same checks, in the same
/// order, as EventBridge's rule compiler, so that a bad pattern is rejected with the same reason at the same place.
/// <c>$or</c> forks the sub-rules collected so far, one copy per branch.
/// </summary>
internal static partial class PatternCompiler
{
    private const string Or = "$or";

    private static readonly HashSet<string> ReservedInOr =
    [
        "exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric", "cidr",
        "html", "=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after",
        "date-on-or-after", "date-before", "date-on-or-before", "in-date-range", "ip-address-in-range",
        "ip-address-not-in-range",
    ];

    /// <summary>Compiles a pattern; throws <see cref="PatternSyntaxException"/> with EventBridge's reason.</summary>
    public static IReadOnlyList<SubRule> Compile(string source)
    {
        var reader = new PatternReader(source);
        var rules = new List<Dictionary<string, List<ValueMatcher>>>();
        if (reader.Next() != PatternToken.StartObject)
        {
            throw reader.Fail("Filter is not an object");
        }

        ParseObject(rules, [], reader, insideOr: false);
        return rules
            .Select(rule => new SubRule(rule
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new FieldCondition(pair.Key, pair.Value))
                .ToList()))
            .ToList();
    }

    private static void ParseObject(List<Dictionary<string, List<ValueMatcher>>> rules, List<string> path, PatternReader reader, bool insideOr)
    {
        var fieldsPresent = false;
        while (reader.Next() != PatternToken.EndObject)
        {
            fieldsPresent = true;
            var step = reader.Name;
            if (step == Or)
            {
                ParseOr(rules, path, reader);
                continue;
            }

            if (insideOr && ReservedInOr.Contains(step))
            {
                throw reader.Fail(step + " is Ruler reserved fieldName which cannot be used inside " + Or + ".");
            }

            switch (reader.Next())
            {
                case PatternToken.StartObject:
                    path.Add(step);
                    ParseObject(rules, path, reader, insideOr);
                    path.RemoveAt(path.Count - 1);
                    break;
                case PatternToken.StartArray:
                    WriteRules(rules, path.Count == 0 ? step : string.Join('.', path) + "." + step, reader);
                    break;
                default:
                    throw reader.Fail($"\"{step}\" must be an object or an array");
            }
        }

        if (!fieldsPresent)
        {
            throw reader.Fail("Empty objects are not allowed");
        }
    }

    private static void ParseOr(List<Dictionary<string, List<ValueMatcher>>> rules, List<string> path, PatternReader reader)
    {
        var current = rules.Select(rule => new Dictionary<string, List<ValueMatcher>>(rule, StringComparer.Ordinal)).ToList();
        rules.Clear();
        if (reader.Next() != PatternToken.StartArray)
        {
            throw reader.Fail("It must be an Array followed with " + Or + ".");
        }

        var branches = 0;
        PatternToken token;
        while ((token = reader.Next()) != PatternToken.EndArray)
        {
            branches++;
            if (token != PatternToken.StartObject)
            {
                throw reader.Fail("Only JSON object is allowed in array of " + Or + " relationship.");
            }

            var forked = current.Select(rule => new Dictionary<string, List<ValueMatcher>>(rule, StringComparer.Ordinal)).ToList();
            if (forked.Count == 0)
            {
                forked.Add(new Dictionary<string, List<ValueMatcher>>(StringComparer.Ordinal));
            }

            ParseObject(forked, path, reader, insideOr: true);
            rules.AddRange(forked);
        }

        if (branches < 2)
        {
            throw reader.Fail("There must have at least 2 Objects in " + Or + " relationship.");
        }
    }

    private static void WriteRules(List<Dictionary<string, List<ValueMatcher>>> rules, string name, PatternReader reader)
    {
        var values = new List<ValueMatcher>();
        PatternToken token;
        while ((token = reader.Next()) != PatternToken.EndArray)
        {
            switch (token)
            {
                case PatternToken.StartObject:
                    values.Add(MatchExpression(reader));
                    break;
                case PatternToken.String:
                    var text = reader.Text;
                    values.Add(new ExactStringMatcher(text));
                    if (CidrRange.ForLiteral(text) is { } address)
                    {
                        values.Add(new CidrMatcher(address));
                    }

                    break;
                case PatternToken.NumberInt:
                case PatternToken.NumberFloat:
                    var number = reader.Text;
                    var comparable = ComparableNumber.TryScale(number, out var scaled, out _);
                    values.Add(new ExactNumberMatcher(number, comparable, comparable ? scaled : 0));
                    break;
                case PatternToken.True:
                    values.Add(new LiteralMatcher(Matching.EventValueKind.True));
                    break;
                case PatternToken.False:
                    values.Add(new LiteralMatcher(Matching.EventValueKind.False));
                    break;
                case PatternToken.Null:
                    values.Add(new LiteralMatcher(Matching.EventValueKind.Null));
                    break;
                default:
                    throw reader.Fail("Match value must be String, number, true, false, or null");
            }
        }

        if (values.Count == 0)
        {
            throw reader.Fail("Empty arrays are not allowed");
        }

        if (rules.Count == 0)
        {
            rules.Add(new Dictionary<string, List<ValueMatcher>>(StringComparer.Ordinal));
        }

        foreach (var rule in rules)
        {
            rule[name] = values;
        }
    }
}
