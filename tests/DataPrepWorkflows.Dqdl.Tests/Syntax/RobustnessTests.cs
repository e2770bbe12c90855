namespace DataPrepWorkflows.Dqdl.Tests.Syntax;

/// <summary>Damaged rulesets (truncated, characters dropped or swapped) must give diagnostics, never exceptions.</summary>
public sealed class RobustnessTests
{
    private const string Pieces = "()[]{},:=!<>+-*/$\"#\\ \n0123456789.abcdefghijklmnopqrstuvwxyzNULLEMPTY";

    [Fact]
    public void Every_prefix_of_every_valid_rule_parses_without_throwing()
    {
        foreach (var rule in TestFiles.RoundTripRules())
        {
            var text = $"x = [\"a\"]\nRules = [ {rule}, RowCount > 0 ]";
            for (var length = 0; length <= text.Length; length++)
            {
                AssertParses(text[..length]);
            }
        }
    }

    [Fact]
    public void Random_damage_to_valid_rules_parses_without_throwing()
    {
        var random = new Random(20240315);
        foreach (var rule in TestFiles.RoundTripRules())
        {
            for (var attempt = 0; attempt < 40; attempt++)
            {
                var chars = $"Rules = [ {rule} ]".ToCharArray().ToList();
                var position = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0:
                        chars.RemoveAt(position);
                        break;
                    case 1:
                        chars.Insert(position, Pieces[random.Next(Pieces.Length)]);
                        break;
                    default:
                        chars[position] = Pieces[random.Next(Pieces.Length)];
                        break;
                }

                AssertParses(new string([.. chars]));
            }
        }
    }

    [Theory]
    [InlineData("(", ")", "RowCount > 0")]
    [InlineData("RowCount > ", "", "1")]
    public void Very_deep_nesting_is_a_diagnostic_not_a_crash(string open, string close, string core)
    {
        var depth = 100_000;
        var text = $"Rules = [ {string.Concat(Enumerable.Repeat(open == "(" ? "(" : "", depth))}"
            + (open == "(" ? core + string.Concat(Enumerable.Repeat(close, depth)) : open + string.Concat(Enumerable.Repeat("avg(", depth)) + core + new string(')', depth))
            + " ]";

        var result = DqdlDocument.Parse(text);

        Assert.Equal(DqdlDiagnosticCodes.SyntaxError, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Very_long_composite_chains_are_a_diagnostic_not_a_crash()
    {
        var text = $"Rules = [ {string.Join(" and ", Enumerable.Repeat("(RowCount > 0)", 100_000))} ]";

        Assert.Equal(DqdlDiagnosticCodes.SyntaxError, Assert.Single(DqdlDocument.Parse(text).Diagnostics).Code);
    }

    [Fact]
    public void Very_long_arithmetic_is_a_diagnostic_not_a_crash()
    {
        var text = $"Rules = [ RowCount > {string.Join(" + ", Enumerable.Repeat("1", 100_000))} ]";

        Assert.Equal(DqdlDiagnosticCodes.SyntaxError, Assert.Single(DqdlDocument.Parse(text).Diagnostics).Code);
    }

    [Fact]
    public void Nesting_within_the_limit_parses()
    {
        var text = $"Rules = [ RowCount > {new string('(', 150)}1 + 2{new string(')', 150)} ]";

        Assert.True(DqdlDocument.Parse(text).Success);
    }

    private static void AssertParses(string text)
    {
        var result = DqdlDocument.Parse(text);
        Assert.True(result.Success || result.Diagnostics.Count > 0, text);
        if (result.Success)
        {
            // Whatever parses must print to text that parses back to the same document.
            var printed = DqdlDocument.Print(result.Document!);
            Assert.Equal(printed, DqdlDocument.Print(DqdlDocument.Parse(printed).Document ?? throw new InvalidOperationException(printed)));
        }
    }
}
