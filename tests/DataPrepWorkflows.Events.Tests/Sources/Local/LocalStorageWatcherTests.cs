using DataPrepWorkflows.Events.Envelope;
using DataPrepWorkflows.Events.S3;
using DataPrepWorkflows.Events.Sources.Local;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Events.Tests.Sources.Local;

public sealed class LocalStorageWatcherTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dpw-watch-" + Guid.NewGuid().ToString("N"));
    private readonly List<EventBridgeEvent> _events = [];

    public LocalStorageWatcherTests()
    {
        Directory.CreateDirectory(Root);
    }

    private string Root => Path.Combine(_folder, "s3");

    private LocalWatcherOptions Options => new()
    {
        StorageRoot = Root,
        CheckpointPath = Path.Combine(_folder, "events", "local-watcher.json"),
        SettleTime = TimeSpan.Zero,
    };

    private LocalStorageWatcher Watcher(LocalWatcherOptions? options = null) => new(options ?? Options, TimeProvider.System);

    private ValueTask Collect(EventBridgeEvent @event, CancellationToken cancellationToken)
    {
        _events.Add(@event);
        return ValueTask.CompletedTask;
    }

    private async Task<List<EventBridgeEvent>> ScanAsync(LocalStorageWatcher watcher)
    {
        _events.Clear();
        await watcher.ScanAsync(Collect, CancellationToken.None);
        return [.. _events];
    }

    private void Drop(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Objects_present_at_the_first_start_are_the_baseline_and_later_writes_are_reported_once()
    {
        Drop("raw/old.csv", "old");
        var watcher = Watcher();
        Assert.Empty(await ScanAsync(watcher));

        Drop("raw/incoming/a.csv", "hello");
        var created = Assert.Single(await ScanAsync(watcher));
        Assert.Equal(("Object Created", "aws.s3", "arn:aws:s3:::raw"), (created.DetailType, created.Source, created.Resources[0]));
        var detail = created.DetailAs<S3ObjectEventDetail>()!;
        Assert.Equal(("raw", "incoming/a.csv", 5L, "5d41402abc4b2a76b9719d911017c592", "PutObject"), (detail.Bucket.Name, detail.Object.Key, detail.Object.Size!.Value, detail.Object.ETag, detail.Reason));
        Assert.Empty(await ScanAsync(watcher));
    }

    [Fact]
    public async Task Atomic_writes_of_the_storage_layer_are_reported_after_the_rename_and_temporary_files_never()
    {
        var watcher = Watcher();
        await ScanAsync(watcher);
        var store = ObjectStoreFactory.Create(new StorageOptions { LocalRoot = Root }, TimeProvider.System, _folder);
        var info = await store.WriteBytesAsync(S3Uri.Parse("s3://raw/incoming/b.json"), "{}"u8.ToArray());
        Drop("raw/incoming/.c.csv.dataprep-tmp-0123456789abcdef", "partial");

        var created = Assert.Single(await ScanAsync(watcher));
        var detail = created.DetailAs<S3ObjectEventDetail>()!;
        Assert.Equal("incoming/b.json", detail.Object.Key);
        Assert.Equal(info.ETag.Trim('"'), detail.Object.ETag);
    }

    [Fact]
    public async Task Overwrites_are_new_writes_and_removals_are_deletions()
    {
        var watcher = Watcher();
        await ScanAsync(watcher);
        Drop("raw/a.csv", "one");
        await ScanAsync(watcher);
        var path = Path.Combine(Root, "raw", "a.csv");
        File.WriteAllText(path, "three");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal(5, Assert.Single(await ScanAsync(watcher)).DetailAs<S3ObjectEventDetail>()!.Object.Size);

        File.Delete(path);
        var deleted = Assert.Single(await ScanAsync(watcher));
        Assert.Equal("Object Deleted", deleted.DetailType);
        Assert.Equal(("a.csv", "DeleteObject"), (deleted.DetailAs<S3ObjectEventDetail>()!.Object.Key, deleted.DetailAs<S3ObjectEventDetail>()!.Reason));
        Assert.Empty(await ScanAsync(watcher));
    }

    [Fact]
    public async Task Writes_made_while_stopped_are_reported_at_the_next_start_and_nothing_twice()
    {
        await ScanAsync(Watcher());
        Drop("raw/x/1.csv", "1");
        Assert.Single(await ScanAsync(Watcher()));
        Drop("raw/x/2.csv", "2");
        Drop("curated/y.parquet", "3");
        var restarted = await ScanAsync(Watcher());
        Assert.Equal(["curated/y.parquet", "raw/x/2.csv"], restarted.Select(e => e.DetailAs<S3ObjectEventDetail>()!).Select(d => d.Bucket.Name + "/" + d.Object.Key).Order());
        Assert.Empty(await ScanAsync(Watcher()));
    }

    [Fact]
    public async Task A_burst_is_reported_completely_once_each()
    {
        var watcher = Watcher();
        await ScanAsync(watcher);
        for (var i = 0; i < 300; i++)
        {
            Drop($"raw/burst/{i:D3}.csv", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var events = await ScanAsync(watcher);
        Assert.Equal(300, events.Select(e => e.DetailAs<S3ObjectEventDetail>()!.Object.Key).Distinct().Count());
        Assert.Equal(300, events.Count);
    }

    [Fact]
    public async Task The_same_write_reported_again_after_a_lost_checkpoint_has_the_same_event_id()
    {
        Drop("raw/a.csv", "a");
        var options = Options with { ReportExisting = true };
        var first = Assert.Single(await ScanAsync(Watcher(options)));
        File.Delete(options.CheckpointPath);
        var again = Assert.Single(await ScanAsync(Watcher(options)));
        Assert.Equal(first.Id, again.Id);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", first.Id);
    }

    [Fact]
    public async Task A_file_still_changing_waits_for_the_settle_time()
    {
        var watcher = Watcher(Options with { SettleTime = TimeSpan.FromHours(1) });
        await watcher.ScanAsync(Collect, CancellationToken.None);
        Drop("raw/growing.csv", "abc");
        _events.Clear();
        Assert.True(await watcher.ScanAsync(Collect, CancellationToken.None));
        Assert.Empty(_events);
    }

    [Fact]
    public async Task Running_watcher_reports_a_dropped_file()
    {
        var watcher = Watcher();
        await ScanAsync(watcher);
        var seen = new TaskCompletionSource<EventBridgeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var running = watcher.RunAsync((e, _) => { seen.TrySetResult(e); return ValueTask.CompletedTask; }, stop.Token);
        Drop("raw/incoming/live.csv", "live");
        var @event = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;
        Assert.Equal("incoming/live.csv", @event.DetailAs<S3ObjectEventDetail>()!.Object.Key);
    }
}
