using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// The dataset under evaluation, known to SQL as <c>primary</c>. Either a view over the file itself (one CSV file,
/// sniffed once into an explicit <c>read_csv</c> call, or Parquet), which the combined metric statement reads once;
/// or a table the data was read into (JSON Lines, several CSV files, a CSV DuckDB could not describe, row-level
/// outputs, and the fallback when the combined statement fails), which any number of statements read cheaply.
/// </summary>
internal sealed class PrimarySource
{
    private const string PrimaryName = "primary";

    private readonly DuckDbSession _session;
    private readonly Dataset _opened;

    private PrimarySource(DuckDbSession session, Dataset opened, string? relation, DatasetSchema schema)
    {
        _session = session;
        _opened = opened;
        Relation = relation;
        Schema = schema;
    }

    /// <summary>The SQL after <c>FROM</c> that reads the file, while <c>primary</c> is a view over it; null once it is a table.</summary>
    public string? Relation { get; private set; }

    public DatasetSchema Schema { get; }

    /// <summary>Registers <paramref name="opened"/> as <c>primary</c>.</summary>
    /// <param name="session">The session.</param>
    /// <param name="opened">The data as the data plane opened it.</param>
    /// <param name="needsTable">Read it into a table now (row-level outputs read it several times).</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <exception cref="DatasetException">The data cannot be read.</exception>
    /// <param name="knownDialect">Let a plain file's bytes decide its dialect (tests turn it off to compare with the sniffer's own).</param>
    public static async Task<PrimarySource> OpenAsync(DuckDbSession session, Dataset opened, bool needsTable, CancellationToken cancellationToken, bool knownDialect = true)
    {
        var relation = needsTable ? null : opened.Format switch
        {
            DatasetFormat.Parquet => opened.Relation,
            DatasetFormat.Csv when File.Exists(opened.Name) => await ExplicitCsvAsync(session, opened, cancellationToken, knownDialect).ConfigureAwait(false),
            _ => null,
        };
        if (relation is null)
        {
            var table = await session.MaterializeAsync(PrimaryName, opened, cancellationToken).ConfigureAwait(false);
            return new PrimarySource(session, opened, null, await table.GetSchemaAsync(cancellationToken).ConfigureAwait(false));
        }

        try
        {
            var view = await session.RegisterAsync(PrimaryName, session.Sql($"SELECT * FROM {relation}"), cancellationToken).ConfigureAwait(false);
            return new PrimarySource(session, opened, relation, await view.GetSchemaAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            // DuckDB could not read its own description of the file back: read the file as the data plane opened it.
            await session.ExecuteAsync($"DROP VIEW IF EXISTS {DqSql.Primary}", CancellationToken.None).ConfigureAwait(false);
            var table = await session.MaterializeAsync(PrimaryName, opened, cancellationToken).ConfigureAwait(false);
            return new PrimarySource(session, opened, null, await table.GetSchemaAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Reads the file into the table <c>primary</c>, so that many separate statements do not each parse it again.</summary>
    public async Task MaterializeAsync(CancellationToken cancellationToken)
    {
        if (Relation is null)
        {
            return;
        }

        await _session.ExecuteAsync($"DROP VIEW IF EXISTS {DqSql.Primary}", cancellationToken).ConfigureAwait(false);
        Relation = null;
        await _session.MaterializeAsync(PrimaryName, _opened, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes <c>primary</c>, leaving a caller's session able to run the next evaluation.</summary>
    public Task DropAsync() =>
        _session.ExecuteAsync($"DROP {(Relation is null ? "TABLE" : "VIEW")} IF EXISTS {DqSql.Primary}", CancellationToken.None);

    /// <summary>The table function the data plane reads a CSV file with, and the sniffer spells its result as.</summary>
    private const string CsvReader = "read_csv(";

    /// <summary>
    /// DuckDB's sniffer runs each time a <c>read_csv</c> with auto-detection is bound, which costs as much as parsing
    /// a good share of the file. <c>sniff_csv</c> runs it once and returns the equivalent call with every detected
    /// option and column type spelled out; null when it cannot (the data plane's own reading then applies). When the
    /// file's bytes leave one dialect possible (<see cref="PlainCsvDialect"/>), the sniffer is told it and only
    /// detects the header and types, while the rest of the file is checked on another thread.
    /// </summary>
    private static async Task<string?> ExplicitCsvAsync(DuckDbSession session, Dataset opened, CancellationToken cancellationToken, bool knownDialect)
    {
        if (!opened.Relation.StartsWith(CsvReader, StringComparison.Ordinal))
        {
            return null;
        }

        var defaults = $"{CsvReader}{DqSql.Literal(opened.Name)}, auto_detect = true)";
        if (knownDialect && opened.Relation == defaults && opened.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            && PlainCsvDialect.HeadDelimiter(opened.Name) is { } delimiter)
        {
            var check = Task.Run(() => PlainCsvDialect.WholeFileIsPlain(opened.Name, delimiter, cancellationToken), cancellationToken);
            var told = await SniffAsync(session, $"{DqSql.Literal(opened.Name)}, auto_detect = true{PlainCsvDialect.SniffOptions(delimiter)})", cancellationToken).ConfigureAwait(false);
            if (await check.ConfigureAwait(false) && told is not null)
            {
                return told;
            }
        }

        return await SniffAsync(session, opened.Relation[CsvReader.Length..], cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> SniffAsync(DuckDbSession session, string arguments, CancellationToken cancellationToken)
    {
        try
        {
            var sniffed = await session.QueryAsync($"SELECT Prompt FROM sniff_csv({arguments}", cancellationToken).ConfigureAwait(false);
            var prompt = (sniffed.Rows is [[string text, ..], ..] ? text : string.Empty).Trim().TrimEnd(';').Trim();
            const string from = "FROM ";
            prompt = prompt.StartsWith(from, StringComparison.OrdinalIgnoreCase) ? prompt[from.Length..].Trim() : prompt;
            return prompt.StartsWith(CsvReader, StringComparison.Ordinal) && prompt.EndsWith(')') ? prompt : null;
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            return null;
        }
    }
}
