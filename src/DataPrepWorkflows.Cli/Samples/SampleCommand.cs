using System.CommandLine;
using System.Globalization;
using DataPrepWorkflows.Activities.SampleData;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Cli.Samples;

/// <summary>
/// <c>dataprep sample loan-applications --rows N --out s3://raw/loans/ [--seed S]</c>: writes the deterministic sample
/// dataset into storage (the local folder on the embedded default) and reports the defects it planted.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(TextWriter output)
    {
        var rows = new Option<int>("--rows", "-n") { Description = "Number of data rows.", DefaultValueFactory = _ => 1000 };
        var target = new Option<string>("--out", "-o") { Description = "s3:// prefix or key to write to.", DefaultValueFactory = _ => "s3://raw/loans/" };
        var seed = new Option<long>("--seed") { Description = "Generator seed; the same seed writes the same bytes.", DefaultValueFactory = _ => 42 };
        var loans = new Command("loan-applications", "Loan applications with missing values, duplicates, outliers, messy text and a built-in approval-rate gap by sex.")
        {
            rows, target, seed,
        };
        loans.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(rows);
            if (count < 0)
            {
                throw new UserError(CliErrorCodes.InvalidInput, $"--rows must be 0 or more, not {count}.");
            }

            S3Uri uri;
            try
            {
                uri = LoanSampleWriter.ResolveTarget(parse.GetValue(target)!);
            }
            catch (StorageException e)
            {
                throw new UserError(CliErrorCodes.InvalidInput, $"--out: {e.Message}");
            }

            var host = CliHost.Load();
            using var backends = await host.OpenBackendsAsync(cancellationToken);
            var options = new LoanSampleOptions { Rows = count, Seed = unchecked((ulong)parse.GetValue(seed)) };
            var (report, info) = await LoanSampleWriter.WriteAsync(backends.Storage, uri, options, cancellationToken);
            var c = CultureInfo.InvariantCulture;
            await output.WriteLineAsync(string.Create(c, $"wrote {report.Rows} rows ({info.Size} bytes) to {info.Uri}"));
            await output.WriteLineAsync(string.Create(c,
                $"defects: {report.MissingAge} missing age, {report.MissingIncome} missing income, {report.MissingEmployment} missing employment, "
                + $"{report.ExactDuplicates} exact and {report.NearDuplicates} near duplicates, {report.IncomeOutliers} income and {report.AgeOutliers} age outliers, {report.MessyText} messy text values"));
            await output.WriteLineAsync(string.Create(c,
                $"approval rate: {report.ApprovalRateMale:P1} male, {report.ApprovalRateFemale:P1} female"));
            return 0;
        });

        return new Command("sample", "Write sample datasets into storage.") { loans };
    }
}
