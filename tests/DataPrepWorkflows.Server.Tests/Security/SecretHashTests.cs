using DataPrepWorkflows.Server.Security;

namespace DataPrepWorkflows.Server.Tests.Security;

public sealed class SecretHashTests
{
    [Fact]
    public void A_hash_matches_its_key_only()
    {
        var key = SecretHash.NewKey();
        Assert.True(SecretHash.TryParse(SecretHash.Create(key).ToString(), out var hash));

        Assert.True(hash.Matches(key));
        Assert.False(hash.Matches(key + "x"));
        Assert.False(hash.Matches(""));
    }

    [Fact]
    public void The_same_key_hashes_differently_each_time_because_of_the_salt()
    {
        var key = SecretHash.NewKey();

        Assert.NotEqual(SecretHash.Create(key).ToString(), SecretHash.Create(key).ToString());
        Assert.StartsWith("sha256:", SecretHash.Create(key).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain-text-key")]
    [InlineData("md5:AAAA:BBBB")]
    [InlineData("sha256:not base64:AAAA")]
    [InlineData("sha256:AAAAAAAAAAAAAAAAAAAAAA==:AAAA")]
    public void Malformed_hashes_are_rejected(string? text) => Assert.False(SecretHash.TryParse(text, out _));

    [Fact]
    public void New_keys_are_long_and_url_safe()
    {
        var key = SecretHash.NewKey();

        Assert.Equal(43, key.Length);
        Assert.DoesNotContain('+', key);
        Assert.DoesNotContain('/', key);
    }
}
