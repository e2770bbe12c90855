using Spectre.Console;

namespace DataPrepWorkflows.Cli.Console;

/// <summary>
/// A Spectre console over the command's writer: colours and live redraws on a terminal, plain text when the output is
/// redirected, when <c>NO_COLOR</c> is set or under CI.
/// </summary>
internal static class Terminal
{
    public static IAnsiConsole Create(TextWriter writer)
    {
        var plain = !ReferenceEquals(writer, System.Console.Out) || System.Console.IsOutputRedirected
            || Environment.GetEnvironmentVariable("NO_COLOR") is not null || Environment.GetEnvironmentVariable("CI") is not null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
        });

        // Redirected output has no terminal width; 80 columns would wrap the summary table mid-word.
        if (plain)
        {
            console.Profile.Width = 132;
        }

        return console;
    }
}
