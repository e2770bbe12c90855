using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Events.Tests.Matching;

/// <summary>Random patterns and events over a small shared vocabulary, so that matches are frequent.</summary>
internal sealed class RandomRules(int seed)
{
    private static readonly string[] Paths =
    [
        "source", "detail-type", "detail.bucket.name", "detail.object.key", "detail.object.size", "detail.tags",
        "detail.items.name", "detail.items.qty", "detail.flag", "detail.ip",
    ];

    private static readonly string[] Strings = ["a", "ab", "abc", "b", "ba", "A", "x.csv", "in/x.csv", "in/y.json", "", "10.0.0.7", "10.0.1.9", "2001:db8::1"];

    private static readonly string[] Numbers = ["0", "1", "1.5", "100", "300", "300.0", "3e2", "-2", "7000000000"];

    private readonly Random _random = new(seed);

    public string Pattern()
    {
        var root = new JsonObject();
        foreach (var path in Pick(Paths, _random.Next(1, 4)))
        {
            Put(root, path, ValueList());
        }

        if (_random.Next(5) == 0)
        {
            var branches = new JsonArray();
            for (var i = 0; i < 2 + _random.Next(2); i++)
            {
                var branch = new JsonObject();
                Put(branch, Paths[_random.Next(Paths.Length)], ValueList());
                branches.Add(branch);
            }

            root["$or"] = branches;
        }

        return root.ToJsonString();
    }

    public string Event()
    {
        var root = new JsonObject();
        foreach (var path in Pick(Paths, _random.Next(2, Paths.Length)))
        {
            if (path.StartsWith("detail.items.", StringComparison.Ordinal))
            {
                continue;
            }

            Put(root, path, _random.Next(6) == 0 ? new JsonArray(Scalar(), Scalar()) : Scalar());
        }

        if (_random.Next(2) == 0)
        {
            var items = new JsonArray();
            for (var i = 0; i < _random.Next(0, 4); i++)
            {
                var item = new JsonObject();
                if (_random.Next(4) > 0)
                {
                    item["name"] = Scalar();
                }

                if (_random.Next(4) > 0)
                {
                    item["qty"] = Scalar();
                }

                items.Add(item);
            }

            ((JsonObject)(root["detail"] ??= new JsonObject()))["items"] = items;
        }

        return root.ToJsonString();
    }

    private JsonArray ValueList()
    {
        var list = new JsonArray();
        for (var i = 0; i < _random.Next(1, 4); i++)
        {
            list.Add(Matcher());
        }

        return list;
    }

    private JsonNode? Matcher()
    {
        var s = Strings[_random.Next(Strings.Length)];
        var nonEmpty = s.Length == 0 ? "a" : s;
        return _random.Next(20) switch
        {
            0 => JsonValue.Create(s),
            1 => JsonNode.Parse(Numbers[_random.Next(Numbers.Length)]),
            2 => _random.Next(3) switch { 0 => JsonValue.Create(true), 1 => JsonValue.Create(false), _ => null },
            3 => new JsonObject { ["prefix"] = s },
            4 => new JsonObject { ["suffix"] = s },
            5 => new JsonObject { ["prefix"] = new JsonObject { ["equals-ignore-case"] = s } },
            6 => new JsonObject { ["suffix"] = new JsonObject { ["equals-ignore-case"] = s } },
            7 => new JsonObject { ["equals-ignore-case"] = s },
            8 => new JsonObject { ["anything-but"] = s },
            9 => new JsonObject { ["anything-but"] = new JsonArray(JsonNode.Parse("1"), JsonNode.Parse("300")) },
            10 => new JsonObject { ["anything-but"] = new JsonObject { ["prefix"] = nonEmpty } },
            11 => new JsonObject { ["anything-but"] = new JsonObject { ["suffix"] = new JsonArray(nonEmpty, "csv") } },
            12 => new JsonObject { ["anything-but"] = new JsonObject { ["equals-ignore-case"] = s } },
            13 => new JsonObject { ["anything-but"] = new JsonObject { ["wildcard"] = "*" + nonEmpty } },
            14 => new JsonObject { ["numeric"] = new JsonArray(">", JsonNode.Parse(Numbers[_random.Next(7)]), "<=", 1000) },
            15 => new JsonObject { ["numeric"] = new JsonArray(_random.Next(2) == 0 ? "<" : ">=", 100) },
            16 => new JsonObject { ["exists"] = _random.Next(2) == 0 },
            17 => new JsonObject { ["wildcard"] = _random.Next(2) == 0 ? "in/*.csv" : "*b*" },
            18 => new JsonObject { ["cidr"] = _random.Next(2) == 0 ? "10.0.0.0/24" : "2001:db8::/48" },
            _ => new JsonObject { ["numeric"] = new JsonArray("=", JsonNode.Parse(Numbers[_random.Next(7)])) },
        };
    }

    private JsonNode? Scalar() => _random.Next(10) switch
    {
        < 5 => JsonValue.Create(Strings[_random.Next(Strings.Length)]),
        < 8 => JsonNode.Parse(Numbers[_random.Next(Numbers.Length)]),
        8 => JsonValue.Create(_random.Next(2) == 0),
        _ => null,
    };

    private IEnumerable<string> Pick(string[] items, int count) => items.OrderBy(_ => _random.Next()).Take(count);

    private static void Put(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                node[part] = child = new JsonObject();
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
