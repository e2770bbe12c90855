using System.Collections.Concurrent;
using System.Net;
using System.Text;
using DataPrepWorkflows.Server.Telemetry;
using DataPrepWorkflows.Server.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;

namespace DataPrepWorkflows.Server.Tests.Telemetry;

/// <summary>
/// The server's metrics and traces reach an OTLP/HTTP collector: a small collector on a loopback port records what the
/// real OpenTelemetry exporter posts while the server ingests an event, and after the server stops (which flushes).
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private WebApplication? _collector;
    private string _address = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _collector = builder.Build();
        _collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _received.Enqueue((context.Request.Path.Value!, body.ToArray()));
            return Results.Ok();
        });
        await _collector.StartAsync();
        _address = _collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
    }

    [Fact]
    public async Task Metrics_and_traces_are_pushed_to_the_collector_and_flushed_on_stop()
    {
        var server = new ExportingServer(_address);
        await server.InitializeAsync();
        using (var client = server.Client(null))
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = Seed.Json(Event) };
            request.Headers.Add(ServerFixture.EventHeader, ServerFixture.EventKey);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await server.DisposeAsync();

        var metrics = Text("/v1/metrics");
        var traces = Text("/v1/traces");
        Assert.Contains("dataprep.events.ingested", metrics, StringComparison.Ordinal);
        Assert.Contains("DataPrepWorkflows", metrics, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", metrics, StringComparison.Ordinal);
        Assert.Contains("dataprep.queue.depth", metrics, StringComparison.Ordinal);
        Assert.Contains("dataprep-under-test", metrics, StringComparison.Ordinal);
        Assert.Contains("POST /api/v1/events", traces, StringComparison.Ordinal);
        Assert.Contains("http.response.status_code", traces, StringComparison.Ordinal);
        Assert.Contains("IngestEvent", traces, StringComparison.Ordinal);
        Assert.Contains("dataprep-under-test", traces, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_fall_back_to_the_standard_variables_and_name_a_bad_value()
    {
        var empty = new ConfigurationBuilder().Build().GetSection("Server");
        var variables = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318/",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "api-key=secret",
            ["OTEL_SERVICE_NAME"] = "etl",
        };

        var fromEnvironment = TelemetrySettings.Read(empty, v => variables.GetValueOrDefault(v));
        var off = TelemetrySettings.Read(empty, _ => null);
        var grpc = TelemetrySettings.Read(Section(("Endpoint", "http://collector:4317"), ("Protocol", "grpc")), _ => null);
        var bad = Assert.Throws<ServerConfigurationException>(() => TelemetrySettings.Read(Section(("Endpoint", "collector:4318")), _ => null));
        var badProtocol = Assert.Throws<ServerConfigurationException>(() => TelemetrySettings.Read(Section(("Endpoint", "http://c:4318"), ("Protocol", "thrift")), _ => null));

        Assert.Equal(new Uri("http://collector:4318/v1/metrics"), fromEnvironment.SignalEndpoint("metrics"));
        Assert.Equal(("api-key=secret", "etl"), (fromEnvironment.Headers, fromEnvironment.ServiceName));
        Assert.False(off.Exports);
        Assert.Equal((OtlpExportProtocol.Grpc, new Uri("http://collector:4317")), (grpc.Protocol, grpc.SignalEndpoint("traces")));
        Assert.Contains("Server:Telemetry:Endpoint", bad.Message, StringComparison.Ordinal);
        Assert.Contains("'thrift'", badProtocol.Message, StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create("Server:Telemetry:" + v.Key, (string?)v.Value))).Build().GetSection("Server");

    private string Text(string path) =>
        string.Join('\n', _received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));

    private const string Event = """
        {"version":"0","id":"evt-otel","detail-type":"Object Created","source":"aws.s3","account":"123456789012",
         "time":"2026-02-01T10:00:00Z","region":"us-east-1","resources":["arn:aws:s3:::raw"],
         "detail":{"bucket":{"name":"raw"},"object":{"key":"loans/a.csv","size":10}}}
        """;

    private sealed class ExportingServer(string collector) : ServerFixture(new Dictionary<string, string?>
    {
        ["Server:Telemetry:Endpoint"] = collector,
        ["Server:Telemetry:ServiceName"] = "dataprep-under-test",
        ["Server:Telemetry:MetricExportInterval"] = "00:10:00",
    });
}
