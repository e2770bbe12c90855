using DataPrepWorkflows.Persistence.Sql;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Sql;

public sealed class JournalChunkTests
{
    private static readonly JournalRecord[] Entries =
    [
        Entry("root", 1),
        Entry("root", 2) with { ActivityId = null, ActivityType = null },
        Entry("child", 1, root: "root") with { EntryJson = "{\"t\":\"a \\\"b\\\" \\\\ \u00e9\u65e5\U0001F600\tx\n\u0001</script>\"}" },
        Entry("root", 3) with { EntryJson = "  not JSON, kept as it is  " },
    ];

    [Fact]
    public void Split_GivesOneChunkPerRunOfOneInstance()
    {
        Assert.Equal(
            [new JournalChunk("root", 0, 2), new JournalChunk("child", 2, 1), new JournalChunk("root", 3, 1)],
            JournalChunk.Split(Entries));
        Assert.Equal([new JournalChunk("root", 0, 1)], JournalChunk.Split(Entries[..1]));
    }

    [Fact]
    public void PackAndUnpack_RoundTripEveryFieldExactly()
    {
        var unpacked = new List<JournalRecord>();
        foreach (var chunk in JournalChunk.Split(Entries))
        {
            var last = JournalChunk.Unpack(chunk.Pack(Entries), "root", chunk.InstanceId, chunk.Start + 1, 0, 100, unpacked);
            Assert.Equal(chunk.Start + chunk.Count, last);
        }

        Assert.Equal(Entries, unpacked);
    }

    [Fact]
    public void Unpack_SkipsEntriesUpToThePositionAndStopsAtTheLimit()
    {
        var packed = new JournalChunk("root", 0, 2).Pack([Entry("root", 1), Entry("root", 2), Entry("root", 3)]);
        var into = new List<JournalRecord>();

        Assert.Equal(11, JournalChunk.Unpack(packed, "root", "root", firstPosition: 10, afterPosition: 10, limit: 1, into));
        Assert.Equal([Entry("root", 2)], into);
        Assert.Equal(11, JournalChunk.Unpack(packed, "root", "root", firstPosition: 10, afterPosition: 11, limit: 5, []));
    }

    [Fact]
    public void Unpack_TextThatIsNotAChunk_Throws() =>
        Assert.Throws<InvalidDataException>(() => JournalChunk.Unpack("""[[1, 2, 3]]""", "root", "root", 1, 0, 10, []));
}
