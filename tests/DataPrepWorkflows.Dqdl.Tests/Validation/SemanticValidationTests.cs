using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Tests.Validation;

public sealed class SemanticValidationTests
{
    [Fact]
    public void Parse_never_throws_and_reports_every_semantic_problem()
    {
        const string text = """
            Rules = [
                Completness "a" > 0.5,
                IsComplete "a" > 0.5,
                Completeness "a" > 0.5 with threshold > 0.4,
                DatasetMatch "ref" "id" = 1.0 where "id > 0"
            ]
            """;

        var result = DqdlDocument.Parse(text);

        Assert.Equal(
            ["DQDL201 2:5", "DQDL206 3:20", "DQDL209 4:28", "DQDL207 5:41"],
            result.Diagnostics.Select(d => $"{d.Code} {d.Line}:{d.Column}"));
    }

    [Fact]
    public void Unknown_rule_type_with_wrong_case_suggests_the_right_name()
    {
        var diagnostic = Assert.Single(DqdlDocument.Parse("Rules = [ rowcount > 0 ]").Diagnostics);

        Assert.Contains("Did you mean 'RowCount'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_parameter_count_names_the_expected_parameters()
    {
        var diagnostic = Assert.Single(DqdlDocument.Parse("Rules = [ DatasetMatch \"ref\" = 0.9 ]").Diagnostics);

        Assert.Equal(DqdlDiagnosticCodes.WrongParameterCount, diagnostic.Code);
        Assert.Contains("ReferenceDatasetAlias, KeyColumnMappings", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_parameters_are_keyed_by_their_catalog_names()
    {
        var rule = Parse("DatasetMatch \"reference\" \"ID1->ID11\" \"colA->colAA\" between 0.4 and 0.8");

        Assert.Equal("reference", rule.Parameter("ReferenceDatasetAlias"));
        Assert.Equal("ID1->ID11", rule.Parameter("KeyColumnMappings"));
        Assert.Equal("colA->colAA", rule.Parameter("MatchColumnMappings"));
        Assert.Equal(3, rule.Descriptor.Parameters.Count);
    }

    [Fact]
    public void Var_arg_parameters_collect_every_value()
    {
        var rule = Parse("IsPrimaryKey colA \"col B\" \"colC\"");

        Assert.Equal(["colA", "col B", "colC"], rule.ParameterValues("TargetColumn"));
        Assert.False(rule.Parameters[0].IsQuoted);
    }

    [Fact]
    public void Column_values_picks_the_condition_family_from_its_operands()
    {
        Assert.IsType<StringCondition>(Parse("ColumnValues \"c\" in [\"a\",\"b\"]").Condition);
        Assert.IsType<NumberCondition>(Parse("ColumnValues \"c\" in [1,2]").Condition);
        Assert.IsType<DateCondition>(Parse("ColumnValues \"c\" in [\"2022-01-01\",NULL]").Condition);
        Assert.IsType<StringCondition>(Parse("ColumnValues \"c\" = NULL").Condition);
        Assert.IsType<DateCondition>(Parse("ColumnValues \"c\" > (now() - 1 days)").Condition);
    }

    [Fact]
    public void Custom_sql_without_condition_is_a_boolean_rule_and_with_one_a_number_rule()
    {
        Assert.Null(Parse("CustomSql \"select id from primary where id > 0\"").Condition);
        Assert.IsType<NumberCondition>(Parse("CustomSql \"select count(*) from primary\" > 0").Condition);
    }

    [Fact]
    public void Variables_resolve_in_parameters_and_string_conditions()
    {
        const string text = """
            col = "status"
            allowed = ["NEW", "DONE", NULL]
            Rules = [ ColumnValues $col in $allowed, ColumnValues "x" = $col ]
            """;

        var document = DqdlDocument.Parse(text).Document!;
        var rule = (DqRule)document.Rules[0];

        Assert.Equal("status", rule.Parameter("TargetColumn"));
        Assert.Equal("col", rule.Parameters[0].VariableName);
        var condition = Assert.IsType<StringCondition>(rule.Condition);
        Assert.True(condition.Matches("DONE"));
        Assert.True(condition.Matches(null));
        Assert.False(condition.Matches("OTHER"));
        Assert.True(((StringCondition)((DqRule)document.Rules[1]).Condition!).Matches("status"));
        Assert.Equal("ColumnValues $col in $allowed", rule.ToString());
    }

    [Fact]
    public void Threshold_and_setting_tags_are_exposed()
    {
        var rule = Parse("FileFreshness \"s3://b/p\" > \"9:30 AM\" with timeZone = \"America/New_York\"");
        var threshold = Parse("ColumnValues \"c\" matches \"[a-z]+\" with threshold >= 0.9").Threshold;

        Assert.Equal("America/New_York", rule.Tag("timeZone"));
        var time = Assert.IsType<TimeOfDayOperand>(Assert.IsType<DateCondition>(rule.Condition).Operands[0]);
        Assert.Equal("America/New_York", time.TimeZoneId);
        Assert.NotNull(threshold);
        Assert.True(threshold.Matches(0.9));
        Assert.False(threshold.Matches(0.89));
    }

    [Fact]
    public void Default_labels_apply_unless_the_rule_overrides_the_key()
    {
        const string text = """
            DefaultLabels = ["team"="data", "tier"="gold"]
            Rules = [ IsComplete "a" labels=["team"="marketing"] ]
            """;

        var document = DqdlDocument.Parse(text).Document!;

        Assert.Equal(
            [new DqLabel("tier", "gold"), new DqLabel("team", "marketing")],
            document.EffectiveLabels(document.Rules[0]));
    }

    [Fact]
    public void All_rules_flattens_composites_in_text_order()
    {
        var document = DqdlDocument.Parse("Rules = [ RowCount > 0, (IsComplete \"a\") and ((IsUnique \"a\") or (ColumnExists \"b\")) ]").Document!;

        Assert.Equal(["RowCount", "IsComplete", "IsUnique", "ColumnExists"], document.AllRules().Select(r => r.RuleType));
    }

    [Fact]
    public void Diagnostics_are_ordered_by_position()
    {
        var result = DqdlDocument.Parse("Rules = [ Bogus1 > 0,\n Bogus2 > 0 ]");

        Assert.Equal([1, 2], result.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void Comments_and_crlf_line_endings_are_accepted()
    {
        var result = DqdlDocument.Parse("# quality\r\nRules = [\r\n  RowCount > 0 # trailing comment\r\n]");

        Assert.True(result.Success);
    }

    private static DqRule Parse(string rule)
    {
        var result = DqdlDocument.Parse($"Rules = [ {rule} ]");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assert.IsType<DqRule>(Assert.Single(result.Document!.Rules));
    }
}
