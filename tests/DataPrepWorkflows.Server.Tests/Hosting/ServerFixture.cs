using System.Net.Http.Headers;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Server.Tests.Hosting;

/// <summary>
/// The server in-process (TestServer) over a real SQLite store in a temporary folder, with one API key per role, an
/// API-key and a Basic event connection, a fake clock and a <see cref="TestRuntime"/>.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string EventHeader = "x-dataprep-key";
    public const string EventKey = "event-connection-secret";
    public const string EventUser = "eventbridge";
    public const string EventPassword = "basic-secret";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dataprep-server-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _keys = [];
    private WebApplication? _app;

    internal FakeTime Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    internal IRuntimeStore Store { get; private set; } = null!;

    internal TestRuntime Runtime { get; private set; } = null!;

    internal RecordingIngestion Events { get; } = new();

    internal TestServer Server { get; private set; } = null!;

    public ServerFixture()
        : this([])
    {
    }

    /// <summary>A server with extra configuration (for example a small body limit).</summary>
    protected ServerFixture(Dictionary<string, string?> settings) => Settings = settings;

    private Dictionary<string, string?> Settings { get; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Store = await RuntimeStore.OpenAsync(new PersistenceOptions { SqlitePath = Path.Combine(_folder, "runtime.db") }, Time, CancellationToken.None);
        Runtime = new TestRuntime(Store, Time);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = _folder });
        builder.WebHost.UseTestServer();
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var role in new[] { "viewer", "editor", "operator", "admin" })
        {
            _keys[role] = SecretHash.NewKey();
            settings[$"Server:ApiKeys:{role}-key:Hash"] = SecretHash.Create(_keys[role]).ToString();
            settings[$"Server:ApiKeys:{role}-key:Role"] = role;
        }

        settings["Server:EventConnections:s3-events:Type"] = "ApiKey";
        settings["Server:EventConnections:s3-events:HeaderName"] = EventHeader;
        settings["Server:EventConnections:s3-events:ValueHash"] = SecretHash.Create(EventKey).ToString();
        settings["Server:EventConnections:partner:Type"] = "Basic";
        settings["Server:EventConnections:partner:Username"] = EventUser;
        settings["Server:EventConnections:partner:PasswordHash"] = SecretHash.Create(EventPassword).ToString();
        settings["Server:FeedPollInterval"] = "00:00:01";
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        _app = DataprepServer.Build(builder, new ServerComponents(Store, Runtime, ActivityRegistry.WithBuiltIns())
        {
            Time = Time,
            Events = Events,
            Labeling = CreateLabeling(_folder),
        });
        await _app.StartAsync();
        Server = _app.GetTestServer();
    }

    /// <summary>The labeling service the server exposes, if any (a subclass supplies one).</summary>
    protected virtual DataPrepWorkflows.Labeling.Running.LabelingJobs? CreateLabeling(string folder) => null;

    /// <summary>A client sending the key of <paramref name="role"/> (viewer, editor, operator, admin), or no key.</summary>
    public HttpClient Client(string? role)
    {
        var client = Server.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", _keys[role]);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
