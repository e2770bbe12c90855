namespace DataPrepWorkflows.Events.Sources.Local;

/// <summary>Where the local event source watches and where it remembers what it already reported.</summary>
public sealed record LocalWatcherOptions
{
    /// <summary>The local storage root: <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c> (<c>.dataprep/s3</c> in the embedded default).</summary>
    public required string StorageRoot { get; init; }

    /// <summary>
    /// The checkpoint file: every object reported, with its size, modification time and ETag, so a restart or a
    /// rescan after a burst reports exactly the writes not yet reported. Keep it outside <see cref="StorageRoot"/>.
    /// </summary>
    public required string CheckpointPath { get; init; }

    /// <summary>How long a file must stay unchanged before it is reported (a file copied in by hand is still growing). <value>250 ms</value></summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How often the storage is looked at even without a file-system notification (notifications can overflow or be
    /// unavailable); zero disables it. <value>2 s</value>
    /// </summary>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// On the very first start (no checkpoint yet), whether objects already present are reported as created.
    /// <value>false: they are taken as the starting point and only later writes are reported.</value>
    /// </summary>
    public bool ReportExisting { get; init; }

    /// <summary>The account id written in events. <value><c>000000000000</c></value></summary>
    public string Account { get; init; } = "000000000000";

    /// <summary>The region written in events. <value><c>us-east-1</c></value></summary>
    public string Region { get; init; } = "us-east-1";
}
