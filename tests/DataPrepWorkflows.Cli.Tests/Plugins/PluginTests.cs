using DataPrepWorkflows.Cli.Tests.Process;
using DataPrepWorkflows.SamplePlugin;

namespace DataPrepWorkflows.Cli.Tests.Plugins;

public sealed class PluginTests
{
    [Fact]
    public async Task A_plugin_is_one_assembly_plus_one_line_of_configuration()
    {
        using var folder = new TempFolder();
        var plugin = typeof(MaskEmail).Assembly.Location.Replace("\\", "/", StringComparison.Ordinal);
        folder.Write("appsettings.json", $$"""{ "Activities": { "Plugins": ["{{plugin}}"] } }""");
        var workflow = folder.Write("mask.json", """
            {
              "id": "mask",
              "version": 1,
              "name": "Mask",
              "description": "Uses the plugin activity.",
              "outputs": { "masked": "=activities.mask.output.masked" },
              "activities": [
                { "id": "mask", "type": "MaskEmail", "inputs": { "email": "jane@example.com" }, "next": { "Masked": "done" } },
                { "id": "done", "type": "Finish" }
              ]
            }
            """);

        var listed = await DataprepProcess.RunAsync(folder.Path, "activities");
        var run = await DataprepProcess.RunAsync(folder.Path, "run", workflow);

        Assert.Contains("│ MaskEmail ", listed.Output, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"masked\": \"j***@example.com\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_plugin_is_a_configuration_error_naming_the_setting()
    {
        using var folder = new TempFolder();
        folder.Write("appsettings.json", """{ "Activities": { "Plugins": ["plugins/Missing.dll"] } }""");

        var result = await DataprepProcess.RunAsync(folder.Path, "activities");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error DPC002: plugin 'plugins/Missing.dll' (Activities:Plugins in appsettings.json) was not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_settings_file_is_reported_with_its_position()
    {
        using var folder = new TempFolder();
        folder.Write("appsettings.json", "{ \"Activities\": [ }");

        var result = await DataprepProcess.RunAsync(folder.Path, "activities");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error DPC001: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("appsettings.json: line 1", result.Error, StringComparison.Ordinal);
    }
}
