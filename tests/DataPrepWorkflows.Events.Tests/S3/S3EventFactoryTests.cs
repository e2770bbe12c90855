using System.Text.Json;
using DataPrepWorkflows.Events.Envelope;
using DataPrepWorkflows.Events.Patterns;
using DataPrepWorkflows.Events.S3;

namespace DataPrepWorkflows.Events.Tests.S3;

public sealed class S3EventFactoryTests
{
    private static readonly DateTimeOffset Now = new(2021, 11, 12, 0, 0, 0, 250, TimeSpan.Zero);

    [Fact]
    public void Object_created_has_the_shape_S3_sends_to_EventBridge()
    {
        var factory = new S3EventFactory(new FixedTimeProvider(Now), "111122223333", "ca-central-1") { Requester = "123456789012", SourceIpAddress = "1.2.3.4" };

        var json = JsonDocument.Parse(factory.ObjectCreated("raw-data", "incoming/a.csv", 5, "b1946ac92492d2347c6235b4d2611184").ToJson()).RootElement;

        Assert.Equal(["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0", json.GetProperty("version").GetString());
        Assert.True(Guid.TryParse(json.GetProperty("id").GetString(), out _));
        Assert.Equal("Object Created", json.GetProperty("detail-type").GetString());
        Assert.Equal("aws.s3", json.GetProperty("source").GetString());
        Assert.Equal("111122223333", json.GetProperty("account").GetString());
        Assert.Equal("2021-11-12T00:00:00Z", json.GetProperty("time").GetString());
        Assert.Equal("ca-central-1", json.GetProperty("region").GetString());
        Assert.Equal("arn:aws:s3:::raw-data", json.GetProperty("resources")[0].GetString());
        var detail = json.GetProperty("detail");
        Assert.Equal(["version", "bucket", "object", "request-id", "requester", "source-ip-address", "reason"], detail.EnumerateObject().Select(p => p.Name));
        Assert.Equal("raw-data", detail.GetProperty("bucket").GetProperty("name").GetString());
        var obj = detail.GetProperty("object");
        Assert.Equal(["key", "size", "etag", "sequencer"], obj.EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, obj.GetProperty("size").GetInt64());
        Assert.Matches("^[0-9a-f]{16}$", obj.GetProperty("sequencer").GetString());
        Assert.Matches("^[0-9A-Z]{16}$", detail.GetProperty("request-id").GetString());
        Assert.Equal("123456789012", detail.GetProperty("requester").GetString());
        Assert.Equal("1.2.3.4", detail.GetProperty("source-ip-address").GetString());
        Assert.Equal("PutObject", detail.GetProperty("reason").GetString());
    }

    [Fact]
    public void Object_deleted_has_no_size_and_a_deletion_type()
    {
        var factory = new S3EventFactory(new FixedTimeProvider(Now));

        var detail = factory.ObjectDeleted("raw-data", "a.csv", "d41d8cd98f00b204e9800998ecf8427e", deletionType: S3DeletionTypes.DeleteMarkerCreated, versionId: "1QW9g1Z99LUNbvaaYVpW9xDlOLU.qxgF")
            .DetailAs<S3ObjectEventDetail>()!;

        Assert.Null(detail.Object.Size);
        Assert.Equal("1QW9g1Z99LUNbvaaYVpW9xDlOLU.qxgF", detail.Object.VersionId);
        Assert.Equal("DeleteObject", detail.Reason);
        Assert.Equal("Delete Marker Created", detail.DeletionType);
        Assert.Equal("127.0.0.1", detail.SourceIpAddress);
    }

    [Fact]
    public void Lifecycle_expiration_comes_from_S3_without_an_address()
    {
        var factory = new S3EventFactory(new FixedTimeProvider(Now));

        var evt = factory.ObjectDeleted("raw-data", "a.csv", reason: S3EventReasons.LifecycleExpiration);
        var detail = JsonDocument.Parse(evt.ToJson()).RootElement.GetProperty("detail");

        Assert.Equal("s3.amazonaws.com", detail.GetProperty("requester").GetString());
        Assert.False(detail.TryGetProperty("source-ip-address", out _));
        Assert.Equal("Lifecycle Expiration", detail.GetProperty("reason").GetString());
        Assert.Equal("Object Deleted", evt.DetailType);
    }

    [Fact]
    public void Sequencers_increase_even_within_one_millisecond()
    {
        var factory = new S3EventFactory(new FixedTimeProvider(Now));

        var first = factory.ObjectCreated("b", "k", 1, "e").DetailAs<S3ObjectEventDetail>()!.Object.Sequencer;
        var second = factory.ObjectCreated("b", "k", 1, "e").DetailAs<S3ObjectEventDetail>()!.Object.Sequencer;

        Assert.True(string.CompareOrdinal(first, second) < 0, $"{first} < {second}");
    }

    [Fact]
    public void Envelope_round_trips_through_json()
    {
        var evt = new S3EventFactory(new FixedTimeProvider(Now)).ObjectCreated("b", "k", 1, "e");

        var back = EventBridgeEvent.FromJson(evt.ToJson());

        Assert.Equal(evt.Id, back.Id);
        Assert.Equal(new DateTimeOffset(2021, 11, 12, 0, 0, 0, TimeSpan.Zero), back.Time);
        Assert.Equal(evt.Resources, back.Resources);
        Assert.Equal(evt.Detail.GetRawText(), back.Detail.GetRawText());
    }

    [Fact]
    public void The_documented_S3_event_parses_and_matches_the_typical_trigger()
    {
        const string documented = """
            {"version":"0","id":"17793124-05d4-b198-2fde-7ededc63b103","detail-type":"Object Created","source":"aws.s3",
             "account":"111122223333","time":"2021-11-12T00:00:00Z","region":"ca-central-1","resources":["arn:aws:s3:::DOC-EXAMPLE-BUCKET1"],
             "detail":{"version":"0","bucket":{"name":"DOC-EXAMPLE-BUCKET1"},"object":{"key":"example-key","size":5,
             "etag":"b1946ac92492d2347c6235b4d2611184","version-id":"IYV3p45BT0ac8hjHg1houSdS1a.Mro8e","sequencer":"617f08299329d189"},
             "request-id":"N4N7GDK58NMKJ12R","requester":"123456789012","source-ip-address":"1.2.3.4","reason":"PutObject"}}
            """;
        var evt = EventBridgeEvent.FromJson(documented);
        var detail = evt.DetailAs<S3ObjectEventDetail>()!;
        var trigger = EventPattern.Parse("""{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["DOC-EXAMPLE-BUCKET1"]},"object":{"key":[{"prefix":"example"}]}}}""").Pattern!;

        Assert.Equal("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e", detail.Object.VersionId);
        Assert.True(trigger.Matches(evt.ToJson()));
        Assert.True(trigger.Matches(documented));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
