using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DataPrepWorkflows.Server.Telemetry;

/// <summary>
/// Pushes the product's meter and activity source — with ASP.NET Core's request metrics and spans — to an OTLP
/// collector while the server runs; stopping flushes what is buffered, so the last runs' counts are not lost.
/// </summary>
internal sealed class TelemetryExporter(TelemetrySettings settings) : IHostedService, IDisposable
{
    private const string AspNetCore = "Microsoft.AspNetCore";
    private MeterProvider? _metrics;
    private TracerProvider? _traces;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var resource = ResourceBuilder.CreateDefault().AddService(settings.ServiceName);
        _metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(ServerMetrics.Name, AspNetCore + ".Hosting", AspNetCore + ".Server.Kestrel")
            .AddOtlpExporter((exporter, reader) =>
            {
                Configure(exporter, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)Math.Min(int.MaxValue, settings.MetricExportInterval.TotalMilliseconds);
            })
            .Build();
        _traces = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ServerMetrics.Name, AspNetCore)
            .AddOtlpExporter(exporter => Configure(exporter, "traces"))
            .Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _metrics?.ForceFlush(5_000);
        _traces?.ForceFlush(5_000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _metrics?.Dispose();
        _traces?.Dispose();
    }

    private void Configure(OtlpExporterOptions exporter, string signal)
    {
        exporter.Protocol = settings.Protocol;
        exporter.Endpoint = settings.SignalEndpoint(signal);
        if (settings.Headers is { } headers)
        {
            exporter.Headers = headers;
        }
    }
}
