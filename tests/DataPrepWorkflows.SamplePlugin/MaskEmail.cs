using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.SamplePlugin;

/// <summary>Masks the local part of an e-mail address, keeping its first letter and the domain.</summary>
[Activity("MaskEmail", Category = "Privacy", Description = "Masks an e-mail address as j***@example.com.")]
[Outcomes("Masked", "Invalid")]
public sealed class MaskEmail : CodeActivity
{
    /// <summary>The address to mask.</summary>
    [Input(Description = "The e-mail address to mask.", Required = true)]
    public string Email { get; set; } = "";

    /// <summary>The masked address, or empty when the input was not an address.</summary>
    [Output(Description = "The masked address.")]
    public string Masked { get; private set; } = "";

    /// <inheritdoc />
    protected override ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var at = Email.IndexOf('@', StringComparison.Ordinal);
        if (at < 1)
        {
            context.SetOutcome("Invalid");
            return ValueTask.CompletedTask;
        }

        Masked = Email[0] + "***" + Email[at..];
        context.SetOutcome("Masked");
        return ValueTask.CompletedTask;
    }
}
