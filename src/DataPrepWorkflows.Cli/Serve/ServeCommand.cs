using System.CommandLine;

namespace DataPrepWorkflows.Cli.Serve;

/// <summary>
/// <c>dataprep serve [--urls http://127.0.0.1:5080] [--config appsettings.json]</c>: opens the runtime store (SQLite by
/// default, PostgreSQL from configuration), runs a runtime node and the REST API until Ctrl+C, then stops gracefully
/// (the node finishes the work in hand and commits it). <c>dataprep serve hash-key</c> makes API keys.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated).", DefaultValueFactory = _ => DefaultUrls };
        var config = new Option<FileInfo?>("--config") { Description = "The configuration file (Persistence, Server, Runtime sections). Default: appsettings.json in the current folder, when present." };
        var command = new Command("serve", "Run the server: REST API, runtime node, events ingestion, live journal feeds.")
        {
            urls, config,
            HashKeyCommand.Create(output),
        };
        command.SetAction((parse, cancellationToken) =>
            ServerProcess.RunAsync(parse.GetValue(urls)!, parse.GetValue(config), output, error, cancellationToken));
        return command;
    }
}
