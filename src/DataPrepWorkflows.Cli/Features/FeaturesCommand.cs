using System.CommandLine;
using System.Globalization;
using DataPrepWorkflows.Activities.Features;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Cli.Features;

/// <summary>
/// <c>dataprep features build-dataset --base entities.csv --group g1 [--group g2] --output train.parquet [--as-of t]</c>:
/// a point-in-time-correct training set from the local Feature Store's offline store (no future leakage).
/// </summary>
internal static class FeaturesCommand
{
    public static Command Create(TextWriter output)
    {
        var @base = new Option<string>("--base") { Description = "Entities with a timestamp column (local path or s3://).", Required = true };
        var groups = new Option<string[]>("--group", "-g") { Description = "Feature group name (repeatable).", Required = true };
        var target = new Option<string>("--output", "-o") { Description = "Where to write the training set.", Required = true };
        var timestamp = new Option<string?>("--timestamp-column") { Description = "The base's timestamp column (default: the groups' event-time name)." };
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "Use only what the store knew at this time (write_time ≤ t)." };
        var build = new Command("build-dataset", "Build a point-in-time-correct training set from feature groups.") { @base, groups, target, timestamp, asOf };
        build.SetAction(async (parse, cancellationToken) =>
        {
            var host = CliHost.Load();
            using var backends = await host.OpenBackendsAsync(cancellationToken);
            using var store = FeatureStore.Open(backends);
            try
            {
                var rows = await TrainingSetBuilder.BuildAsync(store, new TrainingSetRequest
                {
                    Base = parse.GetRequiredValue(@base),
                    Groups = parse.GetRequiredValue(groups),
                    Output = parse.GetRequiredValue(target),
                    TimestampColumn = parse.GetValue(timestamp),
                    AsOf = parse.GetValue(asOf),
                }, cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {rows} rows to {parse.GetRequiredValue(target)}"));
                return 0;
            }
            catch (FeatureStoreException e)
            {
                throw new UserError(CliErrorCodes.InvalidInput, e.Message);
            }
            catch (Exception e) when (e is DatasetException or StorageException)
            {
                throw new UserError(CliErrorCodes.InvalidData, e.Message);
            }
        });
        return new Command("features", "The local Feature Store.") { build };
    }
}
