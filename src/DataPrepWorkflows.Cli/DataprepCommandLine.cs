using System.CommandLine;
using DataPrepWorkflows.Cli.Bias;
using DataPrepWorkflows.Cli.Catalog;
using DataPrepWorkflows.Cli.Catalogue;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Data;
using DataPrepWorkflows.Cli.Diff;
using DataPrepWorkflows.Cli.Events;
using DataPrepWorkflows.Cli.Features;
using DataPrepWorkflows.Cli.Format;
using DataPrepWorkflows.Cli.Interop;
using DataPrepWorkflows.Cli.Labeling;
using DataPrepWorkflows.Cli.Profiling;
using DataPrepWorkflows.Cli.Quality;
using DataPrepWorkflows.Cli.Recipes;
using DataPrepWorkflows.Cli.Run;
using DataPrepWorkflows.Cli.Samples;
using DataPrepWorkflows.Cli.Schema;
using DataPrepWorkflows.Cli.Serve;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Cli.Watch;

namespace DataPrepWorkflows.Cli;

/// <summary>
/// The <c>dataprep</c> command tree. Every command returns an exit code; a <see cref="UserError"/> anywhere becomes one
/// line <c>error CODE: message</c> on standard error and exit code 2 — never a stack trace.
/// </summary>
internal static class DataprepCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("DataPrepWorkflows: declarative data-preparation workflows for machine learning, run locally or on AWS.")
        {
            ValidateCommand.Create(output, error),
            FormatCommand.Create(output, error),
            RunCommand.Create(output, error),
            ActivitiesCommand.Create(output),
            DescribeCommand.Create(output),
            SchemaCommand.Create(output),
            SampleCommand.Create(output),
            DataCommand.Create(output),
            CatalogCommand.Create(output),
            DqCommand.Create(output, error),
            ProfileCommand.Create(output),
            RecipeCommand.Create(output, error),
            BiasCommand.Create(output),
            FeaturesCommand.Create(output),
            EventsCommand.Create(output, error),
            LabelCommand.Create(output),
            ServeCommand.Create(output, error),
            WatchCommand.Create(output, error),
            ImportCommand.Create(output, error), ExportCommand.Create(output, error),
            DiffCommand.Create(output, error),
        };

        try
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            // '@file' means a file's content to 'events test-pattern' (as in the AWS CLI), not a response file of arguments.
            var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
            return await root.Parse(args, parsing).InvokeAsync(configuration);
        }
        catch (UserError e)
        {
            await error.WriteLineAsync($"error {e.Code}: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled.");
            return 130;
        }
    }
}
