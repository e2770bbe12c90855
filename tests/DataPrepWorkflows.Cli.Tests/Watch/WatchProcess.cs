using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Watch;

/// <summary>A running <c>dataprep watch</c>: its output lines as they come, and Ctrl+C.</summary>
internal sealed class WatchProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly System.Text.StringBuilder _error = new();

    private WatchProcess(System.Diagnostics.Process process) => _process = process;

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

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public static WatchProcess Start(string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
        start.ArgumentList.Add(Path.Combine(DataprepProcess.RepositoryRoot, "src", "DataPrepWorkflows.Cli", "bin", configuration, Path.GetFileName(testBin), "dataprep.dll"));
        start.ArgumentList.Add("watch");
        start.Environment["NO_COLOR"] = "1";
        var process = new System.Diagnostics.Process { StartInfo = start, EnableRaisingEvents = true };
        var watch = new WatchProcess(process);
        process.OutputDataReceived += (_, e) => watch.Add(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (watch._error)
            {
                watch._error.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return watch;
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            foreach (var (match, seen) in _waiters.Where(w => w.Match(line)).ToList())
            {
                seen.TrySetResult(line);
            }
        }
    }

    /// <summary>The first output line (already printed or still to come) that satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, int skip = 0)
    {
        TaskCompletionSource<string> seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Where(match).Skip(skip).FirstOrDefault() is { } line)
            {
                return line;
            }

            var count = _lines.Count(match);
            _waiters.Add((l => match(l) && ++count > skip, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No such line. Output:\n{string.Join('\n', Lines)}\nError:\n{Error}");
        }
    }

    /// <summary>Sends SIGINT (Ctrl+C) and waits for the exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
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
