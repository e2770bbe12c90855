using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Tests.Expressions;

public sealed class JintExpressionEngineTests
{
    private readonly JintExpressionEngine _engine = new();

    private static ExpressionScope Scope()
    {
        var scope = new ExpressionScope();
        scope["inputs"] = JsonNode.Parse("""{"rows": 1000, "ratio": 0.25, "files": ["a.csv", "b.csv"], "name": "loans"}""");
        scope["activities"] = JsonNode.Parse("""{"gate": {"output": {"score": 0.97}, "outcome": "Passed"}}""");
        scope["trigger"] = JsonNode.Parse("""{"detail": {"bucket": {"name": "raw"}, "object": {"key": "loans/2024.csv"}}}""");
        return scope;
    }

    private JsonNode? Eval(string expression) => _engine.Compile(expression, ExpressionKind.Expression).Evaluate(Scope());

    [Fact]
    public void Arithmetic_on_integers_stays_integer()
    {
        var result = Eval("inputs.rows * 2 + 1");

        Assert.Equal(2001L, result!.GetValue<long>());
        Assert.Equal("2001", result.ToJsonString());
    }

    [Fact]
    public void Arithmetic_with_fractions_gives_a_double()
    {
        Assert.Equal("250.5", Eval("inputs.rows * inputs.ratio + 0.5")!.ToJsonString());
    }

    [Fact]
    public void Member_access_and_comparison_read_the_scope()
    {
        Assert.True(Eval("activities.gate.output.score >= 0.95")!.GetValue<bool>());
        Assert.Equal("Passed", Eval("activities['gate'].outcome")!.GetValue<string>());
        Assert.Equal("b.csv", Eval("inputs.files[1]")!.GetValue<string>());
    }

    [Fact]
    public void Objects_and_arrays_come_back_as_json()
    {
        var result = Eval("{count: inputs.files.length, upper: inputs.files.map(function (f) { return f.toUpperCase(); })}");

        Assert.Equal("""{"count":2,"upper":["A.CSV","B.CSV"]}""", result!.ToJsonString());
    }

    [Fact]
    public void Undefined_and_missing_members_become_null()
    {
        Assert.Null(Eval("inputs.nothing"));
        Assert.Null(Eval("undefined"));
        Assert.Null(Eval("0 / 0"));
    }

    [Fact]
    public void Dates_become_iso_strings()
    {
        Assert.Equal("2024-03-01T12:30:00.000Z", Eval("new Date(Date.UTC(2024, 2, 1, 12, 30, 0))")!.GetValue<string>());
    }

    [Fact]
    public void A_name_missing_from_the_scope_is_a_reference_error()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Eval("variables.attempts + 1"));

        Assert.Contains("variables is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thrown_error_is_reported_with_its_message()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Eval("(function () { throw new TypeError('bad rows'); })()"));

        Assert.Contains("TypeError: bad rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/^loans\\/(\\d+)\\.csv$/.exec('loans/2024.csv')[1]", "\"2024\"")]
    [InlineData("'a-b-c'.replace(/-/g, '+')", "\"a+b+c\"")]
    [InlineData("JSON.stringify({a: [1, 2]})", "\"{\\\"a\\\":[1,2]}\"")]
    [InlineData("JSON.parse('{\"x\": 5}').x", "5")]
    [InlineData("Object.keys({b: 1, a: 2}).join(',')", "\"b,a\"")]
    [InlineData("[3, 1, 2].sort().filter(function (x) { return x > 1; })", "[2,3]")]
    [InlineData("[1, 2, 3].reduce(function (s, x) { return s + x; }, 0)", "6")]
    [InlineData("Math.round(2.5) + Math.floor(-0.5)", "2")]
    [InlineData("(12.345).toFixed(1)", "\"12.3\"")]
    [InlineData("new Date(0).toISOString()", "\"1970-01-01T00:00:00.000Z\"")]
    [InlineData("parseInt('42', 10) + Number('1.5')", "43.5")]
    [InlineData("(function () { try { null.x; } catch (e) { return e instanceof TypeError; } })()", "true")]
    [InlineData("Object.keys(activities.gate).join(',')", "\"output,outcome\"")]
    [InlineData("JSON.stringify(activities)", "\"{\\\"gate\\\":{\\\"output\\\":{\\\"score\\\":0.97},\\\"outcome\\\":\\\"Passed\\\"}}\"")]
    [InlineData("'gate' in activities && activities.hasOwnProperty('gate') && !('x' in activities)", "true")]
    [InlineData("(function () { var k = []; for (var p in inputs) { k.push(p); } return k.join(','); })()", "\"rows,ratio,files,name\"")]
    [InlineData("(function () { inputs.extra = 1; delete inputs.rows; return Object.keys(inputs).join(','); })()", "\"ratio,files,name,extra\"")]
    [InlineData("inputs.files.length + inputs.files.concat(['c']).length", "5")]
    [InlineData("inputs.files.map(function (f) { return f + '!'; }).join()", "\"a.csv!,b.csv!\"")]
    [InlineData("inputs.files.indexOf('b.csv') + (Array.isArray(inputs.files) ? 10 : 0)", "11")]
    [InlineData("(function () { var a = inputs.files; a.push('c'); a[0] = 'z'; return a.length + ':' + a.join('|'); })()", "\"3:z|b.csv|c\"")]
    [InlineData("inputs.files.slice(1)", "[\"b.csv\"]")]
    [InlineData("JSON.stringify(inputs.files) + Object.keys(inputs.files).join()", "\"[\\\"a.csv\\\",\\\"b.csv\\\"]0,1\"")]
    [InlineData("(function () { var s = []; for (var i in inputs.files) { s.push(i); } return s.join(); })()", "\"0,1\"")]
    [InlineData("(function () { inputs.rows = 1; return inputs.rows + Object.keys(inputs).length; })()", "5")]
    public void Standard_built_ins_work(string expression, string expectedJson)
    {
        var relaxed = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        Assert.Equal(expectedJson, Eval(expression)!.ToJsonString(relaxed));
    }

    [Fact]
    public void Compiled_expression_evaluates_against_each_scope()
    {
        var compiled = _engine.Compile("inputs.rows + 1", ExpressionKind.Expression);
        var results = Enumerable.Range(0, 5).Select(i =>
        {
            var scope = new ExpressionScope();
            scope["inputs"] = new JsonObject { ["rows"] = i };
            return compiled.Evaluate(scope)!.GetValue<long>();
        });

        Assert.Equal([1L, 2L, 3L, 4L, 5L], results);
    }

    [Fact]
    public void Evaluations_run_in_parallel_without_interfering()
    {
        var compiled = _engine.Compile("(function () { var s = 0; for (var i = 0; i < n; i++) { s += i; } return s; })()", ExpressionKind.Expression);
        var sums = Enumerable.Range(0, 64).AsParallel().Select(n =>
        {
            var scope = new ExpressionScope();
            scope["n"] = n;
            return compiled.Evaluate(scope)!.GetValue<long>();
        }).ToList();

        Assert.Equal(Enumerable.Range(0, 64).Select(n => (long)n * (n - 1) / 2), sums.Order());
    }

    [Fact]
    public void Syntax_error_reports_line_and_column()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => _engine.Compile("inputs.rows +* 2", ExpressionKind.Expression));

        Assert.Equal(1, error.Line);
        Assert.Equal(14, error.Column);
        Assert.Contains("line 1, column 14", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_on_a_later_line_reports_that_line()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => _engine.Compile("inputs.rows +\n  2 2", ExpressionKind.Expression));

        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Expression_ending_too_early_reports_its_end()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => _engine.Compile("inputs.rows +", ExpressionKind.Expression));

        Assert.Equal((1, 14), (error.Line, error.Column));
        Assert.Contains("end of expression", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("var x = 1")]
    [InlineData("1; 2")]
    public void Statements_and_empty_text_are_not_expressions(string source)
    {
        Assert.Throws<ExpressionSyntaxException>(() => _engine.Compile(source, ExpressionKind.Expression));
    }
}
