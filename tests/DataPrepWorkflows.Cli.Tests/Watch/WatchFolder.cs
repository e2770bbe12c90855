namespace DataPrepWorkflows.Cli.Tests.Watch;

/// <summary>A project folder with one workflow triggered by CSV files landing under <c>raw/incoming/</c>.</summary>
internal static class WatchFolder
{
    public const string Workflow = """
        {
          "id": "landing",
          "version": 1,
          "name": "Landing",
          "description": "Logs each landed file.",
          "triggers": [{"type": "S3ObjectCreated", "bucket": "raw", "keyPrefix": "incoming/"}],
          "activities": [{"id": "say", "type": "Log", "inputs": {"message": "=\"landed \" + trigger.detail.object.key"}}]
        }
        """;

    public static string Event(string id, string key) => $$$"""
        {"version": "0", "id": "{{{id}}}", "detail-type": "Object Created", "source": "aws.s3", "account": "111122223333",
         "time": "2026-01-01T00:00:00Z", "region": "us-east-1", "resources": ["arn:aws:s3:::raw"],
         "detail": {"version": "0", "bucket": {"name": "raw"}, "object": {"key": "{{{key}}}", "size": 1, "etag": "e"}, "reason": "PutObject"}}
        """;

    public static TempFolder Create()
    {
        var folder = new TempFolder();
        folder.Write("workflows/landing.json", Workflow);
        return folder;
    }
}
