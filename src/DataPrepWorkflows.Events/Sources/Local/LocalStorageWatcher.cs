using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using DataPrepWorkflows.Events.Envelope;
using DataPrepWorkflows.Events.S3;

namespace DataPrepWorkflows.Events.Sources.Local;

/// <summary>
/// The local stand-in for S3 → EventBridge: watches the storage root and reports every completed write as an S3
/// <c>Object Created</c> event and every removal as <c>Object Deleted</c>, in EventBridge shape, once per write.
/// </summary>
/// <remarks>
/// File-system notifications only say "look again": each look compares the folder with a persisted checkpoint, so a
/// burst that overflows the watcher's buffer, or writes made while nothing was watching, are found by the next look,
/// and nothing is reported twice. Atomic writes are seen when their temporary file is renamed into place; temporary
/// files themselves are never objects. Event ids are derived from the write (bucket, key, size, time, ETag), so if the
/// process dies after reporting and before saving its checkpoint, the write is reported again with the same id and
/// the ingestion's deduplication drops it.
/// </remarks>
public sealed class LocalStorageWatcher
{
    private readonly LocalWatcherOptions _options;
    private readonly TimeProvider _clock;
    private readonly S3EventFactory _factory;
    private WatcherCheckpoint? _checkpoint;

    /// <summary>Creates a watcher.</summary>
    public LocalStorageWatcher(LocalWatcherOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _clock = clock;
        _factory = new S3EventFactory(clock, options.Account, options.Region);
    }

    /// <summary>
    /// Watches until cancelled, handing each event to <paramref name="onEvent"/> (awaited, in order). Returns when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task RunAsync(Func<EventBridgeEvent, CancellationToken, ValueTask> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        Directory.CreateDirectory(_options.StorageRoot);
        var signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FileSystemWatcher(_options.StorageRoot)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        void Signal(object? sender, EventArgs e) => signals.Writer.TryWrite(true);
        watcher.Created += Signal;
        watcher.Changed += Signal;
        watcher.Deleted += Signal;
        watcher.Renamed += Signal;
        watcher.Error += Signal; // A buffer overflow loses notifications, never writes: the next look finds them.
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (IOException)
        {
            // No notifications here (the system's inotify instances are used up): the periodic look below still finds every write.
        }

        // Notifications can be lost or unavailable; a periodic look bounds how late a write is seen.
        using var rescan = _options.RescanInterval > TimeSpan.Zero
            ? _clock.CreateTimer(_ => signals.Writer.TryWrite(true), null, _options.RescanInterval, _options.RescanInterval)
            : null;

        try
        {
            // The first look reports what was written while nothing watched.
            signals.Writer.TryWrite(true);
            while (await signals.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                signals.Reader.TryRead(out _);
                if (_options.SettleTime > TimeSpan.Zero)
                {
                    await Task.Delay(_options.SettleTime, _clock, cancellationToken).ConfigureAwait(false);
                }

                var unsettled = await ScanAsync(onEvent, cancellationToken).ConfigureAwait(false);
                if (unsettled)
                {
                    signals.Writer.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
    }

    /// <summary>
    /// One look: reports the writes and deletions since the checkpoint, then saves it. Returns whether a file was still
    /// changing (look again after the settle time).
    /// </summary>
    public async Task<bool> ScanAsync(Func<EventBridgeEvent, CancellationToken, ValueTask> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        var checkpoint = _checkpoint ??= await WatcherCheckpoint.LoadAsync(_options.CheckpointPath, cancellationToken).ConfigureAwait(false);
        var baseline = !checkpoint.Existed && !_options.ReportExisting && checkpoint.Objects.Count == 0;
        var scan = await StorageScan.CompareAsync(_options.StorageRoot, checkpoint.Objects, _clock.GetUtcNow(), _options.SettleTime, cancellationToken).ConfigureAwait(false);
        var changed = baseline;
        foreach (var (bucket, key, state) in scan.Written)
        {
            if (!baseline)
            {
                var created = _factory.ObjectCreated(bucket, key, state.Size, state.ETag) with { Id = EventId("created", bucket, key, state) };
                await onEvent(created, cancellationToken).ConfigureAwait(false);
            }

            checkpoint.Objects[bucket + "/" + key] = state;
            changed = true;
        }

        foreach (var (name, state) in scan.Deleted)
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            var (bucket, key) = (name[..slash], name[(slash + 1)..]);
            var deleted = _factory.ObjectDeleted(bucket, key, state.ETag) with { Id = EventId("deleted", bucket, key, state) };
            await onEvent(deleted, cancellationToken).ConfigureAwait(false);
            checkpoint.Objects.Remove(name);
            changed = true;
        }

        if (changed)
        {
            await checkpoint.SaveAsync(_options.CheckpointPath, cancellationToken).ConfigureAwait(false);
            _checkpoint = await WatcherCheckpoint.LoadAsync(_options.CheckpointPath, cancellationToken).ConfigureAwait(false);
        }

        return scan.Unsettled;
    }

    /// <summary>A v4-shaped UUID derived from the write, the same each time the same write is reported.</summary>
    internal static string EventId(string what, string bucket, string key, ObjectState state)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{what}\n{bucket}\n{key}\n{state.Size}\n{state.WriteTicks}\n{state.ETag}");
        Span<byte> bytes = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes[..16], bigEndian: true).ToString();
    }
}
