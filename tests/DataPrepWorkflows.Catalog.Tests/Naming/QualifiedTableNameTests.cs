namespace DataPrepWorkflows.Catalog.Tests.Naming;

public sealed class QualifiedTableNameTests
{
    [Fact]
    public void Parse_splits_and_lower_cases_both_parts()
    {
        var name = QualifiedTableName.Parse("DataPrep_Dev.Raw-Loans");

        Assert.Equal("dataprep_dev", name.Database);
        Assert.Equal("raw-loans", name.Table);
        Assert.Equal("dataprep_dev.raw-loans", name.ToString());
        Assert.Equal(new QualifiedTableName("DATAPREP_DEV", "raw-LOANS"), name);
    }

    [Theory]
    [InlineData("", "exactly one '.'")]
    [InlineData("loans", "exactly one '.'")]
    [InlineData("a.b.c", "exactly one '.'")]
    [InlineData(".loans", "database name is empty")]
    [InlineData("sales.", "table name is empty")]
    [InlineData("sales.raw loans", "contains ' '")]
    public void Parse_rejects_malformed_references_saying_why(string text, string reason)
    {
        var error = Assert.Throws<CatalogException>(() => QualifiedTableName.Parse(text));

        Assert.Equal(CatalogErrorCodes.InvalidInput, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(QualifiedTableName.TryParse(text, out _, out _));
    }

    [Fact]
    public void Names_longer_than_255_characters_are_rejected() =>
        Assert.False(CatalogName.TryNormalize(new string('a', 256), "table", out _, out _));
}
