using System.Globalization;
using DataPrepWorkflows.Server.Events;
using DataPrepWorkflows.Server.Security;
using DataPrepWorkflows.Server.Telemetry;
using Microsoft.Extensions.Configuration;

namespace DataPrepWorkflows.Server.Hosting;

/// <summary>
/// The <c>Server</c> configuration section, read and checked once at start-up so a bad key hash or role stops the
/// server with a message naming the setting, not at the first request.
/// </summary>
internal sealed record ServerSettings
{
    public const long DefaultMaxRequestBodyBytes = 4 * 1024 * 1024;

    public IReadOnlyList<ApiKeyEntry> ApiKeys { get; init; } = [];

    public IReadOnlyList<EventConnection> EventConnections { get; init; } = [];

    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    public TimeSpan FeedPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TelemetrySettings Telemetry { get; init; } = TelemetrySettings.Off;

    public static ServerSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Server");
        return new ServerSettings
        {
            ApiKeys = section.GetSection("ApiKeys").GetChildren().Select(ApiKeyEntry.Read).ToList(),
            EventConnections = section.GetSection("EventConnections").GetChildren().Select(EventConnection.Read).ToList(),
            MaxRequestBodyBytes = ReadLong(section, "MaxRequestBodyBytes", DefaultMaxRequestBodyBytes),
            FeedPollInterval = ReadInterval(section, "FeedPollInterval", TimeSpan.FromMilliseconds(500)),
            Telemetry = TelemetrySettings.Read(section, Environment.GetEnvironmentVariable),
        };
    }

    private static long ReadLong(IConfigurationSection section, string key, long fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ServerConfigurationException($"Server:{key} must be a positive number of bytes such as 4194304; found '{text}'.");
    }

    /// <summary>A positive time span under <c>Server:</c><paramref name="key"/>, or <paramref name="fallback"/> when absent.</summary>
    internal static TimeSpan ReadInterval(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new ServerConfigurationException($"Server:{key} must be a positive time span such as 00:00:00.500; found '{text}'.");
    }
}
