using System.Text;
using DataPrepWorkflows.Storage.Local;

namespace DataPrepWorkflows.Storage.Tests.Local;

public sealed class Utf8OrderTests
{
    private static int ByBytes(string x, string y) =>
        Math.Sign(Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)));

    [Fact]
    public void Order_matches_comparing_utf8_bytes()
    {
        string[] alphabet = ["a", "b", "/", "-", "é", "\uFF21", "\uE000", "\uFFFF", "\U0001F600", "\U00010000", "\U0010FFFF"];
        var random = new Random(7);
        string Next() => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => alphabet[random.Next(alphabet.Length)]));

        for (var i = 0; i < 5000; i++)
        {
            var (x, y) = (Next(), Next());
            Assert.True(ByBytes(x, y) == Math.Sign(Utf8Order.Instance.Compare(x, y)), $"'{x}' vs '{y}'");
        }
    }
}
