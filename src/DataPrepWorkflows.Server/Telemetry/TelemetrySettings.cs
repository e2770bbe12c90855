using DataPrepWorkflows.Server.Hosting;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace DataPrepWorkflows.Server.Telemetry;

/// <summary>
/// Where the server sends its metrics and traces: the <c>Server:Telemetry</c> section, or OpenTelemetry's standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> / <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> / <c>OTEL_EXPORTER_OTLP_HEADERS</c> /
/// <c>OTEL_SERVICE_NAME</c> variables when the section leaves them out. No endpoint means no export (the meter and
/// activity source still exist for in-process listeners).
/// </summary>
/// <param name="Endpoint">The collector's base address (<c>http://collector:4318</c> for HTTP, <c>http://collector:4317</c> for gRPC), or <c>null</c>.</param>
/// <param name="Protocol">OTLP over HTTP with protobuf bodies (the default) or gRPC.</param>
/// <param name="Headers">Extra request headers, <c>key=value</c> pairs separated by commas (for a collector's API key).</param>
/// <param name="MetricExportInterval">How often metrics are pushed.</param>
/// <param name="ServiceName">The <c>service.name</c> resource attribute.</param>
internal sealed record TelemetrySettings(Uri? Endpoint, OtlpExportProtocol Protocol, string? Headers, TimeSpan MetricExportInterval, string ServiceName)
{
    public static readonly TelemetrySettings Off = new(null, OtlpExportProtocol.HttpProtobuf, null, TimeSpan.FromSeconds(60), "dataprep");

    public bool Exports => Endpoint is not null;

    /// <summary>Reads <c>Server:Telemetry</c> from the <c>Server</c> section, falling back to <paramref name="environment"/>.</summary>
    public static TelemetrySettings Read(IConfigurationSection server, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(server);
        var section = server.GetSection("Telemetry");
        string? Setting(string key, string variable) => string.IsNullOrWhiteSpace(section[key]) ? environment(variable) : section[key];

        var endpointText = Setting("Endpoint", "OTEL_EXPORTER_OTLP_ENDPOINT");
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(endpointText)
            && (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            throw new ServerConfigurationException(
                $"Server:Telemetry:Endpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an http(s) address such as http://localhost:4318; found '{endpointText}'.");
        }

        var protocol = Setting("Protocol", "OTEL_EXPORTER_OTLP_PROTOCOL")?.Trim() switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new ServerConfigurationException(
                $"Server:Telemetry:Protocol (or OTEL_EXPORTER_OTLP_PROTOCOL) must be 'http/protobuf' or 'grpc'; found '{other}'."),
        };

        var interval = ServerSettings.ReadInterval(server, "Telemetry:MetricExportInterval", TimeSpan.FromSeconds(60));
        var headers = Setting("Headers", "OTEL_EXPORTER_OTLP_HEADERS");
        if (!string.IsNullOrWhiteSpace(headers) && headers.Split(',').Any(h => h.IndexOf('=', StringComparison.Ordinal) <= 0))
        {
            throw new ServerConfigurationException(
                "Server:Telemetry:Headers (or OTEL_EXPORTER_OTLP_HEADERS) must be key=value pairs separated by commas, such as 'api-key=…'.");
        }

        var service = Setting("ServiceName", "OTEL_SERVICE_NAME");
        return new TelemetrySettings(endpoint, protocol, string.IsNullOrWhiteSpace(headers) ? null : headers, interval,
            string.IsNullOrWhiteSpace(service) ? "dataprep" : service.Trim());
    }

    /// <summary>The address a signal is posted to: HTTP adds the signal's path as the OTLP variables do; gRPC uses the base.</summary>
    public Uri SignalEndpoint(string signal)
    {
        var endpoint = Endpoint ?? throw new InvalidOperationException("Telemetry export is off.");
        return Protocol == OtlpExportProtocol.Grpc ? endpoint : new Uri(endpoint.ToString().TrimEnd('/') + "/v1/" + signal);
    }
}
