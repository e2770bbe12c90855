using DataPrepWorkflows.Activities.Crawl;

namespace DataPrepWorkflows.Activities.Tests.Crawl;

public sealed class ExclusionGlobTests
{
    [Theory]
    [InlineData("*.csv", "a.csv", true)]
    [InlineData("*.csv", "x/a.csv", false)]
    [InlineData("**.csv", "x/y/a.csv", true)]
    [InlineData("**/_tmp/**", "a/_tmp/b.csv", true)]
    [InlineData("**/_tmp/**", "_tmp/b.csv", true)]
    [InlineData("year=202?/**", "year=2024/a.csv", true)]
    [InlineData("year=202?/**", "year=2030/a.csv", false)]
    [InlineData("[ab].csv", "b.csv", true)]
    [InlineData("[ab].csv", "c.csv", false)]
    [InlineData("[!ab].csv", "c.csv", true)]
    [InlineData("{tmp,scratch}/**", "scratch/x/y.csv", true)]
    [InlineData("{tmp,scratch}/**", "keep/y.csv", false)]
    [InlineData("a\\*.csv", "a*.csv", true)]
    [InlineData("a\\*.csv", "ab.csv", false)]
    public void Matches_keys_relative_to_the_target_as_Glue_globs_do(string pattern, string key, bool excluded)
    {
        var glob = ExclusionGlob.TryParse(pattern, out var error);

        Assert.Null(error);
        Assert.Equal(excluded, glob!.Matches(key));
    }

    [Theory]
    [InlineData("[abc")]
    [InlineData("{a,b")]
    public void Unclosed_brackets_are_explained(string pattern)
    {
        Assert.Null(ExclusionGlob.TryParse(pattern, out var error));
        Assert.Contains(pattern, error, StringComparison.Ordinal);
    }
}
