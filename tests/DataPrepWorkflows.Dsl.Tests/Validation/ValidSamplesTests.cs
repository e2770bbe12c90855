using DataPrepWorkflows.Dsl.Tests.Support;
using DataPrepWorkflows.Dsl.Validation;

namespace DataPrepWorkflows.Dsl.Tests.Validation;

public sealed class ValidSamplesTests
{
    public static IEnumerable<object[]> Files => Samples.Files("Valid");

    [Theory]
    [MemberData(nameof(Files))]
    public void Valid_sample_produces_no_diagnostics(string file)
    {
        var result = new WorkflowValidator(TestActivities.Registry).Validate(Samples.Read("Valid", file));

        Assert.Empty(result.Diagnostics.Select(d => d.ToString(file)));
        Assert.NotNull(result.Definition);
    }
}
