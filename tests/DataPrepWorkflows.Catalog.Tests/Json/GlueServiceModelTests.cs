using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Catalog.Tests.Json;

/// <summary>
/// Checks every member the catalog writes against Glue's own service model (the botocore <c>service-2.json</c>
/// installed with the AWS tooling): names, nesting and JSON types must be ones Glue accepts and returns.
/// </summary>
public sealed class GlueServiceModelTests : CatalogTestBase
{
    private static readonly Lazy<JsonObject> Shapes = new(LoadShapes);

    private static JsonObject LoadShapes()
    {
        var start = new ProcessStartInfo("python3", ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var python = Process.Start(start)!;
        var folder = Path.Combine(python.StandardOutput.ReadToEnd().Trim(), "data", "glue", "2017-03-31");
        python.WaitForExit();
        var plain = Path.Combine(folder, "service-2.json");
        using Stream stream = File.Exists(plain)
            ? File.OpenRead(plain)
            : new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        return JsonNode.Parse(stream)!["shapes"]!.AsObject();
    }

    private static void Check(JsonNode? value, string shapeName, string path, List<string> problems)
    {
        var shape = Shapes.Value[shapeName]!.AsObject();
        var type = shape["type"]!.GetValue<string>();
        switch (type)
        {
            case "structure":
                if (value is not JsonObject obj)
                {
                    problems.Add($"{path}: expected an object for {shapeName}");
                    return;
                }

                var members = shape["members"]!.AsObject();
                foreach (var (name, member) in obj)
                {
                    if (!members.ContainsKey(name))
                    {
                        problems.Add($"{path}.{name}: not a member of Glue's {shapeName}");
                        continue;
                    }

                    Check(member, members[name]!["shape"]!.GetValue<string>(), $"{path}.{name}", problems);
                }

                foreach (var required in shape["required"]?.AsArray() ?? [])
                {
                    if (!obj.ContainsKey(required!.GetValue<string>()))
                    {
                        problems.Add($"{path}: required member {required} of {shapeName} is missing");
                    }
                }

                break;
            case "list":
                if (value is not JsonArray array)
                {
                    problems.Add($"{path}: expected an array for {shapeName}");
                    return;
                }

                var itemShape = shape["member"]!["shape"]!.GetValue<string>();
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], itemShape, $"{path}[{i}]", problems);
                }

                break;
            case "map":
                if (value is not JsonObject map)
                {
                    problems.Add($"{path}: expected an object for map {shapeName}");
                    return;
                }

                foreach (var (key, item) in map)
                {
                    Check(item, shape["value"]!["shape"]!.GetValue<string>(), $"{path}[{key}]", problems);
                }

                break;
            default:
                var kind = value?.GetValueKind();
                var ok = type switch
                {
                    "string" => kind == System.Text.Json.JsonValueKind.String,
                    "integer" or "long" => kind == System.Text.Json.JsonValueKind.Number && value!.GetValue<decimal>() % 1 == 0,
                    "double" or "timestamp" => kind == System.Text.Json.JsonValueKind.Number,
                    "boolean" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
                    _ => false,
                };
                if (!ok)
                {
                    problems.Add($"{path}: {kind} does not fit Glue's {type} shape {shapeName}");
                }

                break;
        }
    }

    private static void AssertFits<T>(T value, string shapeName)
    {
        var problems = new List<string>();
        Check(JsonNode.Parse(GlueJson.Serialize(value)), shapeName, shapeName, problems);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private TableInput FullInput() => CsvTable("orders", "year") with
    {
        Description = "orders landed by the shop",
        Owner = "data-eng",
        LastAccessTime = Start,
        Retention = 0,
        StorageDescriptor = TableFormat.Csv(';', quoted: true).Describe("s3://raw/orders/", [new Column { Name = "id", Type = "bigint", Comment = "key", Parameters = new Dictionary<string, string> { ["pii"] = "false" } }]) with
        {
            BucketColumns = ["id"],
            SortColumns = [new Order { Column = "id", SortOrder = 1 }],
        },
    };

    [Fact]
    public async Task Stored_databases_tables_versions_and_partitions_fit_Glue_shapes()
    {
        var database = await Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "sales", Description = "d", LocationUri = "s3://raw/", Parameters = new Dictionary<string, string> { ["k"] = "v" } });
        await Catalog.CreateTableAsync("sales", FullInput());
        var table = await Catalog.UpdateTableAsync("sales", FullInput());
        await Catalog.BatchCreatePartitionAsync("sales", "orders", [new PartitionInput { Values = ["2024"], StorageDescriptor = FullInput().StorageDescriptor }]);
        var partition = await Catalog.GetPartitionAsync("sales", "orders", ["2024"]);
        var version = (await Catalog.GetTableVersionsAsync("sales", "orders"))[1];

        AssertFits(database, "Database");
        AssertFits(table, "Table");
        AssertFits(version, "TableVersion");
        AssertFits(partition, "Partition");
    }

    [Fact]
    public async Task Inputs_and_batch_errors_fit_Glue_request_and_response_shapes()
    {
        await CreateDatabaseAsync();
        await Catalog.CreateTableAsync("sales", FullInput());
        var errors = await Catalog.BatchCreatePartitionAsync("sales", "orders", [new PartitionInput { Values = ["a", "b"] }]);

        AssertFits(new DatabaseInput { Name = "sales", Parameters = new Dictionary<string, string>() }, "DatabaseInput");
        AssertFits(FullInput(), "TableInput");
        AssertFits(new PartitionInput { Values = ["2024"], LastAccessTime = Start }, "PartitionInput");
        AssertFits(Assert.Single(errors), "PartitionError");
    }

    [Fact]
    public void The_checker_rejects_a_member_Glue_does_not_have()
    {
        var problems = new List<string>();

        Check(JsonNode.Parse("""{"Name":"t","Colour":"red","Retention":"zero"}"""), "Table", "Table", problems);

        Assert.Equal(2, problems.Count);
    }
}
