using System.CommandLine;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Server;

namespace DataPrepWorkflows.Cli.Serve;

/// <summary>
/// <c>dataprep serve hash-key [--key &lt;key&gt;] [--name &lt;name&gt;] [--role &lt;role&gt;]</c>: prints a new random API key (or
/// hashes the one given) and the configuration lines that let the server accept it; the server keeps only the hash.
/// </summary>
internal static class HashKeyCommand
{
    public static Command Create(TextWriter output)
    {
        var key = new Option<string?>("--key") { Description = "The key (or an event connection's secret) to hash. Default: a new random key." };
        var name = new Option<string>("--name") { Description = "The key's name in configuration (shown in the audit log).", DefaultValueFactory = _ => "my-key" };
        var role = new Option<string>("--role") { Description = "viewer, editor, operator or admin.", DefaultValueFactory = _ => "viewer" };
        var command = new Command("hash-key", "Print an API key and the salted hash the server's configuration keeps (Server:ApiKeys:<name>:Hash).") { key, name, role };
        command.SetAction(async (parse, _) =>
        {
            var given = parse.GetValue(key);
            if (given is not null && given.Length == 0)
            {
                throw new UserError(ServeErrorCodes.EmptyKey, "--key is empty; give the key to hash, or leave --key out for a new random key.");
            }

            var roleName = parse.GetValue(role)!.ToLowerInvariant();
            if (roleName is not ("viewer" or "editor" or "operator" or "admin"))
            {
                throw new UserError(CliErrorCodes.InvalidInput, $"--role '{roleName}' is not a role; use viewer, editor, operator or admin.");
            }

            var secret = given ?? ApiKeyHashing.NewKey();
            var hash = ApiKeyHashing.Hash(secret);
            var keyName = parse.GetValue(name)!;
            if (given is null)
            {
                await output.WriteLineAsync($"key:  {secret}");
                await output.WriteLineAsync("      (shown once; give it to the caller as 'Authorization: ApiKey <key>')");
            }

            await output.WriteLineAsync($"hash: {hash}");
            await output.WriteLineAsync();
            await output.WriteLineAsync("appsettings.json:");
            await output.WriteLineAsync($"  \"Server\": {{ \"ApiKeys\": {{ \"{keyName}\": {{ \"Hash\": \"{hash}\", \"Role\": \"{roleName}\" }} }} }}");
            await output.WriteLineAsync("environment:");
            await output.WriteLineAsync($"  Server__ApiKeys__{keyName}__Hash={hash}");
            await output.WriteLineAsync($"  Server__ApiKeys__{keyName}__Role={roleName}");
            return 0;
        });
        return command;
    }
}
