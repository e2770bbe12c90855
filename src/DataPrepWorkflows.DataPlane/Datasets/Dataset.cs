using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Schema;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>
/// A table of data inside a <see cref="DuckDbSession"/>: files (CSV, JSON Lines, Parquet), a query, or a registered
/// view or table. Lazy: each operation runs one DuckDB query over <see cref="Relation"/>, so activities compose
/// datasets as SQL without moving rows through .NET.
/// </summary>
public sealed class Dataset
{
    private readonly DuckDbSession _session;

    internal Dataset(DuckDbSession session, string name, string relation, DatasetFormat? format)
    {
        _session = session;
        Name = name;
        Relation = relation;
        Format = format;
    }

    /// <summary>The path the dataset reads, or the view/table name, or <c>query</c>.</summary>
    public string Name { get; }

    /// <summary>The file format, or <see langword="null"/> for a query, view or table.</summary>
    public DatasetFormat? Format { get; }

    /// <summary>The dataset as SQL usable after <c>FROM</c>, e.g. <c>read_csv('in.csv', auto_detect = true)</c>.</summary>
    public string Relation { get; }

    /// <summary>The columns with their Glue/Hive and DuckDB types.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The schema.</returns>
    public Task<DatasetSchema> GetSchemaAsync(CancellationToken cancellationToken = default) =>
        Guard(c => ReadSchema(c, cancellationToken), cancellationToken);

    /// <summary>Counts the rows.</summary>
    /// <param name="cancellationToken">Interrupts the count.</param>
    /// <returns>The row count.</returns>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        Guard(c => Convert.ToInt64(c.ExecuteScalar($"SELECT count(*) FROM {Relation}", cancellationToken), System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>The first <paramref name="rows"/> rows, every value as DuckDB's text for it.</summary>
    /// <param name="rows">How many rows.</param>
    /// <param name="cancellationToken">Interrupts the read.</param>
    /// <returns>The preview.</returns>
    public Task<DatasetPreview> HeadAsync(int rows = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return Guard(
            c =>
            {
                var schema = ReadSchema(c, cancellationToken);
                var columns = string.Join(", ", schema.Columns.Select(col => $"CAST({SqlText.Identifier(col.Name)} AS VARCHAR)"));
                using var result = c.Query($"SELECT {(columns.Length == 0 ? "1" : columns)} FROM {Relation} LIMIT {rows}", cancellationToken);
                var lines = new List<IReadOnlyList<string?>>(rows);
                while (result.FetchChunk() is { } chunk)
                {
                    using (chunk)
                    {
                        for (var row = 0; row < chunk.RowCount; row++)
                        {
                            var values = new string?[schema.Columns.Count];
                            for (var column = 0; column < values.Length; column++)
                            {
                                values[column] = chunk.GetVector(column).GetString(row);
                            }

                            lines.Add(values);
                        }
                    }
                }

                return new DatasetPreview(schema.Columns, lines);
            },
            cancellationToken);
    }

    /// <summary>
    /// Writes the dataset to <paramref name="path"/>: a file written under a temporary name and renamed into place
    /// (so readers never see half a file), or with <see cref="DatasetWriteOptions.PartitionBy"/> a folder of
    /// <c>key=value/</c> sub-folders.
    /// </summary>
    /// <param name="path">The output file, or folder when partitioned.</param>
    /// <param name="options">Format, partitioning, compression; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Interrupts the write.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="DatasetException">The output could not be written or the options are invalid.</exception>
    public Task<DatasetWriteResult> WriteAsync(string path, DatasetWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new DatasetWriteOptions();
        var format = WriteStatement.DecideFormat(path, options);
        return Guard(c => DatasetWriter.Write(c, $"SELECT * FROM {Relation}", path, format, options, cancellationToken), cancellationToken, path);
    }

    /// <summary>Runs work on the session's connection, turning DuckDB's complaints about files into <see cref="DatasetException"/>.</summary>
    internal Task<T> Guard<T>(Func<DuckDbConnection, T> work, CancellationToken cancellationToken, string? writePath = null) =>
        _session.RunAsync(
            (connection, _) =>
            {
                try
                {
                    return work(connection);
                }
                catch (DuckDbException error) when (writePath is not null)
                {
                    throw new DatasetException(DatasetErrorCodes.WriteFailed, writePath, $"Cannot write '{writePath}': {error.Message}", error);
                }
                catch (DuckDbException error) when (Format is { } format && error.Kind != DuckDbErrorKind.Interrupt)
                {
                    throw new DatasetException(
                        DatasetErrorCodes.ReadFailed,
                        Name,
                        $"Cannot read '{Name}' as {format}: {error.Message} Check the format options (delimiter, quote, header, encoding).",
                        error);
                }
            },
            cancellationToken);

    private DatasetSchema ReadSchema(DuckDbConnection connection, CancellationToken cancellationToken)
    {
        using var result = connection.Query($"SELECT * FROM {Relation} LIMIT 0", cancellationToken);
        return new DatasetSchema(result.Columns.Select(c => new DatasetColumn(c.Name, GlueTypes.FromDuckDb(c.Type), c.Type)).ToArray());
    }
}
