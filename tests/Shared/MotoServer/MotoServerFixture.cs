using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPrepWorkflows.Testing.MotoServer;

/// <summary>
/// A private <c>moto_server</c> on a free loopback port for one test class (or collection): started as a child process,
/// awaited until it answers HTTP, and killed on dispose. Credentials are <c>testing</c>/<c>testing</c> in us-east-1.
/// </summary>
/// <remarks>
/// The executable is <c>$MOTO_SERVER</c> when set, else <c>moto_server</c> on PATH, else <c>python3 -m moto.server</c>.
/// </remarks>
public sealed class MotoServerFixture : IAsyncLifetime
{
    /// <summary>Access key id moto accepts.</summary>
    public const string AccessKeyId = "testing";

    /// <summary>Secret access key moto accepts.</summary>
    public const string SecretAccessKey = "testing";

    /// <summary>Region the tests use.</summary>
    public const string Region = "us-east-1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>The loopback port moto listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The endpoint URL, for example <c>http://127.0.0.1:41234</c>.</summary>
    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Everything moto printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts moto and waits until it answers.</summary>
    public async Task InitializeAsync()
    {
        Port = FreeLoopbackPort();
        var (fileName, prefixArguments) = Executable();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefixArguments.Concat(["-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = Region;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync().ConfigureAwait(false);
    }

    /// <summary>Clears every resource moto holds (buckets, queues, tables), for tests that need a clean account.</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(ServiceUrl + "/moto-api/reset"), content: null).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Kills moto and its children.</summary>
    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        _process = null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (string FileName, string[] Arguments) Executable()
    {
        var configured = Environment.GetEnvironmentVariable("MOTO_SERVER");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured, []);
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "moto_server"))
            .FirstOrDefault(File.Exists);
        return onPath is not null ? (onPath, []) : ("python3", ["-m", "moto.server"]);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} before answering:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(ServiceUrl + "/moto-api/")).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: poll again shortly, bounded by the start timeout.
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }

        await DisposeAsync().ConfigureAwait(false);
        throw new TimeoutException($"moto_server did not answer on {ServiceUrl} within {StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
    }
}
