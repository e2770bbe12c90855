using System.Globalization;
using System.Text.Json;
using DataPrepWorkflows.Aws.Protocol;
using DataPrepWorkflows.Aws.Sources;
using DataPrepWorkflows.Cli.Configuration;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using Microsoft.Extensions.Configuration;

namespace DataPrepWorkflows.Cli.Serve;

/// <summary>
/// Reads the server's configuration: the file (given or <c>appsettings.json</c> beside the working folder), then
/// environment variables (<c>Server__ApiKeys__ops__Hash</c> or <c>DATAPREP__Server__ApiKeys__ops__Hash</c>), and the
/// <c>Persistence</c> and <c>Runtime</c> sections.
/// </summary>
internal sealed record ServeConfiguration(IConfiguration Configuration, string BaseFolder, string? FilePath)
{
    public static ServeConfiguration Load(FileInfo? explicitFile)
    {
        string? path = null;
        if (explicitFile is not null)
        {
            if (!explicitFile.Exists)
            {
                throw new UserError(ServeErrorCodes.ConfigurationFile, $"--config: file '{explicitFile.FullName}' does not exist.");
            }

            path = explicitFile.FullName;
        }
        else if (File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")))
        {
            path = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        }

        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        // Both forms: Server__ApiKeys__ops__Hash as ASP.NET Core hosts read it, and DATAPREP__Server__ApiKeys__ops__Hash as
        // every other dataprep command reads its settings (the prefixed form wins when both are set).
        builder.AddEnvironmentVariables();
        builder.AddEnvironmentVariables(SettingsLoader.EnvironmentPrefix);
        try
        {
            var configuration = builder.Build();
            return new ServeConfiguration(configuration, path is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(path)!, path);
        }
        catch (InvalidDataException e) when (e.InnerException is JsonException json)
        {
            throw new UserError(ServeErrorCodes.ConfigurationFile, $"{path}: line {json.LineNumber + 1}: not valid JSON ({json.Message.Split(" Path:")[0].TrimEnd('.')}).");
        }
        catch (FormatException e)
        {
            throw new UserError(ServeErrorCodes.ConfigurationFile, $"{path}: {e.Message}");
        }
    }

    public PersistenceOptions Persistence()
    {
        var section = Configuration.GetSection("Persistence");
        var defaults = new PersistenceOptions();
        return new PersistenceOptions
        {
            Provider = section["Provider"] ?? defaults.Provider,
            SqlitePath = Path.GetFullPath(section["SqlitePath"] ?? defaults.SqlitePath, BaseFolder),
            ConnectionString = section["ConnectionString"],
            Schema = section["Schema"] ?? defaults.Schema,
        };
    }

    /// <summary>The SQS event source (section <c>Events:Sqs</c>), or <c>null</c> when no queue is configured.</summary>
    public SqsEventSourceOptions? Sqs()
    {
        var section = Configuration.GetSection("Events:Sqs");
        var queues = section.GetSection("QueueUrls").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (queues.Count == 0)
        {
            return null;
        }

        var defaults = new SqsEventSourceOptions { QueueUrls = queues };
        return defaults with
        {
            DeadLetterQueueUrl = section["DeadLetterQueueUrl"],
            MaxReceiveCount = section["MaxReceiveCount"] is { } n && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
                ? count
                : section["MaxReceiveCount"] is null ? defaults.MaxReceiveCount : throw Invalid("Events:Sqs:MaxReceiveCount", "a positive whole number such as 5", section["MaxReceiveCount"]),
        };
    }

    /// <summary>How to reach SQS (section <c>Events:Sqs</c>: <c>ServiceUrl</c>, <c>Region</c>, <c>Profile</c>; credentials from the standard chain).</summary>
    public AwsClientOptions SqsClient()
    {
        var section = Configuration.GetSection("Events:Sqs");
        return new AwsClientOptions { ServiceUrl = section["ServiceUrl"], Region = section["Region"], Profile = section["Profile"] };
    }

    public RuntimeOptions Runtime()
    {
        var section = Configuration.GetSection("Runtime");
        var defaults = new RuntimeOptions();
        return new RuntimeOptions
        {
            NodeId = section["NodeId"] ?? defaults.NodeId,
            LeaseDuration = Span(section, "LeaseDuration", defaults.LeaseDuration),
            IdlePoll = Span(section, "IdlePoll", defaults.IdlePoll),
            MaxConcurrency = section["MaxConcurrency"] is { } max && int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0
                ? m
                : section["MaxConcurrency"] is null ? defaults.MaxConcurrency : throw Invalid("Runtime:MaxConcurrency", "a positive whole number such as 16", section["MaxConcurrency"]),
            Retention = section["Retention"] is null ? defaults.Retention : Span(section, "Retention", TimeSpan.Zero),
        };
    }

    private static TimeSpan Span(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw Invalid($"Runtime:{key}", "a positive time span such as 00:00:30", text);
    }

    private static UserError Invalid(string key, string expected, string? found) =>
        new(CliErrorCodes.InvalidConfiguration, $"{key} must be {expected}; found '{found}'.");
}
