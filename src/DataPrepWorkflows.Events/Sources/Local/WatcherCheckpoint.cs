using System.Text.Json;

namespace DataPrepWorkflows.Events.Sources.Local;

/// <summary>
/// The persisted set of reported objects (<c>"bucket/key" → state</c>), written atomically (temporary file and
/// rename) so a crash leaves the previous or the new checkpoint, never half of one.
/// </summary>
internal sealed class WatcherCheckpoint
{
    private WatcherCheckpoint(Dictionary<string, ObjectState> objects, bool existed)
    {
        Objects = objects;
        Existed = existed;
    }

    public Dictionary<string, ObjectState> Objects { get; }

    /// <summary>Whether a checkpoint was on disk (false on the very first start).</summary>
    public bool Existed { get; }

    public static async Task<WatcherCheckpoint> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new WatcherCheckpoint(new Dictionary<string, ObjectState>(StringComparer.Ordinal), existed: false);
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var objects = await JsonSerializer.DeserializeAsync(stream, LocalWatcherJsonContext.Default.DictionaryStringObjectState, cancellationToken).ConfigureAwait(false);
            return new WatcherCheckpoint(new Dictionary<string, ObjectState>(objects ?? [], StringComparer.Ordinal), existed: true);
        }
    }

    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        var stream = File.Create(temporary);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, Objects, LocalWatcherJsonContext.Default.DictionaryStringObjectState, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
