using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.DuckDb;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// Runs a <c>.sql</c> job on DuckDB: expands arguments and bookmarks, registers referenced catalog tables as views,
/// runs the statements, writes the last query's result to <c>--output_path</c> and registers
/// <c>--output_table</c>.
/// </summary>
internal sealed class SqlJob(DataBackends backends, ILogger logger)
{
    public async Task<JobRunResult> RunAsync(string jobRunId, string sql, JobArguments arguments, JobBookmarks bookmarks, CancellationToken cancellationToken)
    {
        var local = backends.LocalFiles
            ?? throw new JobScriptException("SQL jobs run on the local data plane and need the local storage folder (Storage:Provider Local); run script jobs against remote storage.");
        using var session = backends.OpenSession();
        var template = new SqlTemplate(backends.Storage, local, bookmarks);
        var text = await template.ExpandAsync(sql, arguments, cancellationToken).ConfigureAwait(false);
        var result = new JobRunResult { JobRunId = jobRunId, JobRunState = JobRunState.Succeeded, BookmarkedFiles = template.BookmarkedFiles };
        if (template.NothingNew)
        {
            JobLog.NothingNew(logger, jobRunId);
            return result;
        }

        var views = await new CatalogViews(backends.Catalog, backends.Storage, local, session).RegisterAsync(text, cancellationToken).ConfigureAwait(false);
        if (views.Count > 0)
        {
            JobLog.CatalogTables(logger, string.Join(", ", views));
        }

        var statements = SqlStatements.Split(text);
        if (statements.Count == 0)
        {
            throw new JobScriptException("the SQL script holds no statements.");
        }

        var output = arguments.Find("output_path");
        var last = statements.Count - (output is null ? 0 : 1);
        try
        {
            for (var i = 0; i < last; i++)
            {
                await session.ExecuteAsync(statements[i], cancellationToken).ConfigureAwait(false);
            }

            if (output is null)
            {
                return result;
            }

            if (!SqlStatements.IsQuery(statements[^1]))
            {
                throw new JobScriptException("--output_path is set, so the script's last statement must be a query (SELECT, WITH, FROM) whose rows are written there.");
            }

            return await WriteAsync(session.Sql(statements[^1]), output, arguments, template, result, cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            throw new JobScriptException(error.Message, error);
        }
        catch (DatasetException error)
        {
            throw new JobScriptException(error.Message, error);
        }
    }

    private async Task<JobRunResult> WriteAsync(Dataset query, string output, JobArguments arguments, SqlTemplate template, JobRunResult result, CancellationToken cancellationToken)
    {
        var target = JobOutput.Decide(output, arguments, result.JobRunId);
        var schema = await query.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        var missing = target.PartitionBy.Where(p => schema.Find(p) is null).ToList();
        if (missing.Count > 0)
        {
            throw new JobScriptException($"--partition_by names {string.Join(", ", missing)}, which the query does not return (columns: {string.Join(", ", schema.Columns.Select(c => c.Name))}).");
        }

        var options = new DatasetWriteOptions { Format = target.Format, PartitionBy = target.PartitionBy, Overwrite = !target.Append };
        var destination = template.LocalPath(target.WriteUri);
        DatasetWriteResult written;
        if (target.Append && target.PartitionBy.Count > 0)
        {
            // DuckDB names partition files part-0, part-1… in every write; stage them and move them in under run-unique names.
            var staging = Path.Combine(backends.StateFolder, "tmp", "job-" + result.JobRunId);
            written = await query.WriteAsync(staging, options with { Overwrite = true }, cancellationToken).ConfigureAwait(false);
            written = JobOutput.MoveIn(written, staging, destination, result.JobRunId);
        }
        else
        {
            Directory.CreateDirectory(target.PartitionBy.Count > 0 ? destination : Path.GetDirectoryName(destination)!);
            written = await query.WriteAsync(destination, options, cancellationToken).ConfigureAwait(false);
        }

        JobLog.Written(logger, written.Rows, target.Location, written.Files.Count);
        string? table = null;
        if (arguments.Find("output_table") is { } tableText)
        {
            if (!QualifiedTableName.TryParse(tableText, out var name, out var error))
            {
                throw new JobScriptException($"--output_table: {error}");
            }

            await new OutputTable(backends.Catalog).RegisterAsync(name, target.Location, schema, target.PartitionBy, written, cancellationToken).ConfigureAwait(false);
            table = name.ToString();
        }

        return result with { OutputPath = target.Location, RowsWritten = written.Rows, OutputTable = table };
    }
}
