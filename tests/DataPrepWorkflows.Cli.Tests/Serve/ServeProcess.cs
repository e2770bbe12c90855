using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Serve;

/// <summary>A running <c>dataprep serve</c> process on a free loopback port; stopped with a signal as a user's Ctrl+C would.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource<bool> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(System.Diagnostics.Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

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

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server and waits until it says it listens (or exits).</summary>
    public static async Task<ServeProcess> StartAsync(string workingDirectory, int? port = null, params string[] extra)
    {
        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath());
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{chosen}");
        foreach (var arg in extra)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new System.Diagnostics.Process { StartInfo = start, EnableRaisingEvents = true };
        var serve = new ServeProcess(process, chosen);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (serve._output)
            {
                serve._output.AppendLine(e.Data);
            }

            if (e.Data.StartsWith("dataprep serve: listening on", StringComparison.Ordinal))
            {
                serve._listening.TrySetResult(true);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (serve._error)
                {
                    serve._error.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => serve._listening.TrySetResult(false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await serve._listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return serve;
    }

    /// <summary>The tool built next to this test assembly's configuration (Debug or Release).</summary>
    private static string ToolPath()
    {
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
        return Path.Combine(DataprepProcess.RepositoryRoot, "src", "DataPrepWorkflows.Cli", "bin", configuration, Path.GetFileName(testBin), "dataprep.dll");
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("Authorization", "ApiKey " + key);
        }

        return client;
    }

    /// <summary>Sends SIGINT (Ctrl+C) and waits for the exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process as <c>kill -9</c> does: no shutdown, no last commit.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
