namespace DataPrepWorkflows.Dqdl.Tests.Printing;

public sealed class DocumentPrinterTests
{
    [Fact]
    public void Sections_print_in_order_separated_by_blank_lines()
    {
        const string text = """
            Metadata = { "Version": "1.0" }
            DataSources = { "Primary": "orders-table", "AdditionalDataSources": [ "ref-table", "other" ] }
            allowed = ["NEW", "DONE"]
            owner = "team-a"
            DefaultLabels = ["team"="data"]
            Rules = [ IsPrimaryKey "colA", ColumnValues "status" in $allowed ]
            Analyzers = [ RowCount, Completeness of "col-A", AllStatistics of AllColumns ]
            """;

        var document = DqdlDocument.Parse(text).Document!;

        Assert.Equal(
            """
            Metadata = {
                "Version": "1.0"
            }

            DataSources = {
                "Primary": "orders-table",
                "AdditionalDataSources": [ "ref-table", "other" ]
            }

            allowed = ["NEW", "DONE"]
            owner = "team-a"

            DefaultLabels = ["team"="data"]

            Rules = [
                IsPrimaryKey "colA",
                ColumnValues "status" in $allowed
            ]

            Analyzers = [
                RowCount,
                Completeness of "col-A",
                AllStatistics of AllColumns
            ]

            """,
            DqdlDocument.Print(document));
    }

    [Fact]
    public void Printed_document_parses_back_to_the_same_text()
    {
        const string text = """
            # Orders quality
            Rules = [
              RowCount > 100,   # at least a batch
              Completeness "id" >= 0.95,
              ColumnValues "age" between 0 and 120 where "country = 'US'",
              (IsComplete "id") and (IsUnique "id"),
              ColumnValues "status" in ["NEW","DONE"] with threshold > 0.98
            ]
            """;

        var printed = DqdlDocument.Print(DqdlDocument.Parse(text).Document!);

        Assert.Equal(printed, DqdlDocument.Print(DqdlDocument.Parse(printed).Document!));
        Assert.Contains("    (IsComplete \"id\") AND (IsUnique \"id\"),\n", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_analyzers_prints_only_the_analyzers_section()
    {
        var document = DqdlDocument.Parse("Rules = [] Analyzers = [ RowCount ]").Document!;

        Assert.Equal("Analyzers = [\n    RowCount\n]\n", DqdlDocument.Print(document));
    }
}
