using System.Text.Json;
using DataPrepWorkflows.Dsl.Diagnostics;

namespace DataPrepWorkflows.Dsl.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    private static readonly Diagnostic Sample = new(DiagnosticSeverity.Error, "DPW004", "Activity id 'a' is already used.", "/activities/1/id", 9, 7);

    [Fact]
    public void Compiler_style_text_names_file_position_severity_and_code()
    {
        Assert.Equal("workflows/x.json(9,7): error DPW004: Activity id 'a' is already used.", Sample.ToString("workflows/x.json"));
        Assert.Equal("x.json(1,2): warning DPW009: m", new Diagnostic(DiagnosticSeverity.Warning, "DPW009", "m", "", 1, 2).ToString("x.json"));
    }

    [Fact]
    public void Json_shape_is_severity_code_message_path_line_column()
    {
        var json = JsonSerializer.Serialize(Sample, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Equal("""{"severity":"error","code":"DPW004","message":"Activity id \u0027a\u0027 is already used.","path":"/activities/1/id","line":9,"column":7}""", json);
    }
}
