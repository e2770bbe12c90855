using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace DataPrepWorkflows.Testing.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> in a temporary folder (trust authentication, no fsync), started on a
/// free loopback port, stopped and deleted on dispose. Debian's <c>postgresql</c> package is installed with
/// <c>apt-get install -y</c> only when no <c>initdb</c> is found and the process runs as root. As root, the server
/// runs as the unprivileged <c>postgres</c> user (PostgreSQL refuses to run as root).
/// </summary>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    private const string ServerUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly string _binaries;
    private readonly bool _asServerUser;
    private Process? _watchdog;
    private int _stopped;

    private PostgreSqlCluster(string folder, string binaries, bool asServerUser, int port)
    {
        Folder = folder;
        _binaries = binaries;
        _asServerUser = asServerUser;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        StartWatchdog();
    }

    /// <summary>The cluster's temporary folder (data directory and socket).</summary>
    public string Folder { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The folder of the server's programs (<c>initdb</c>, <c>pg_ctl</c>, and tools such as <c>pgbench</c>).</summary>
    public string Binaries => _binaries;

    private string DataDirectory => Path.Combine(Folder, "data");

    /// <summary>Finds (or installs) PostgreSQL, creates a cluster and starts it.</summary>
    public static async Task<PostgreSqlCluster> StartAsync(CancellationToken cancellationToken)
    {
        var binaries = FindBinaries() ?? await InstallAsync(cancellationToken) ?? throw new InvalidOperationException(
            "PostgreSQL's initdb/pg_ctl were not found (looked in /usr/lib/postgresql/*/bin and PATH). Install Debian's 'postgresql' package.");
        var asServerUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var folder = Path.Combine(Path.GetTempPath(), "dataprep-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        PostgreSqlCluster? cluster = null;
        try
        {
            cluster = new PostgreSqlCluster(folder, binaries, asServerUser, FreeLoopbackPort());
            if (asServerUser)
            {
                await RunAsync("chown", [ServerUser, folder], asServerUser: false, cancellationToken);
            }

            await cluster.InitAndStartAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }

            throw;
        }
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = ServerUser,
        Database = database,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>Creates a database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Stops the server immediately and deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_watchdog is { HasExited: false })
        {
            _watchdog.Kill();
        }

        _watchdog?.Dispose();
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], _asServerUser, CancellationToken.None);
            }
        }
        finally
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task InitAndStartAsync(CancellationToken cancellationToken)
    {
        await RunAsync(
            Path.Combine(_binaries, "initdb"),
            ["-D", DataDirectory, "-U", ServerUser, "--auth=trust", "--encoding=UTF8", "--no-sync"],
            _asServerUser,
            cancellationToken);
        var options = string.Join(
            ' ',
            "-h 127.0.0.1",
            "-p " + Port.ToString(CultureInfo.InvariantCulture),
            "-k " + Folder,
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
        await RunAsync(
            Path.Combine(_binaries, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60", "-o", options, "start"],
            _asServerUser,
            cancellationToken);
    }

    /// <summary>
    /// The server is a daemon, so a test process that is killed (a timeout, kill -9) could not stop it; a small shell
    /// loop stops it and deletes the folder once this process is gone. Dispose ends the loop first.
    /// </summary>
    private void StartWatchdog()
    {
        var pgCtl = Path.Combine(_binaries, "pg_ctl");
        var stop = (_asServerUser ? $"runuser -u {ServerUser} -- " : string.Empty) + $"'{pgCtl}' -D '{DataDirectory}' -m immediate -w stop";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; [ -f '{DataDirectory}/postmaster.pid' ] && {stop} >/dev/null 2>&1; rm -rf '{Folder}'";
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        _watchdog = Process.Start(start);
    }

    private void OnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static string? FindBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static async Task<string?> InstallAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            return null;
        }

        await RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], asServerUser: false, cancellationToken);
        return FindBinaries();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, bool asServerUser, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asServerUser ? "runuser" : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asServerUser)
        {
            foreach (var argument in new[] { "-u", ServerUser, "--", fileName })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', arguments)}' exited with {process.ExitCode}:\n{Read(output)}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
