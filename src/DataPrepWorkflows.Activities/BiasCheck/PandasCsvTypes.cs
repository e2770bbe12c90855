using System.Globalization;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// Gives CSV columns the types pandas' <c>read_csv</c> gives them, because Clarify's type detection depends on them:
/// pandas' default missing-value markers become NULL, and a column is integer when every value parses as one,
/// float when every value parses as a number, boolean for True/False text, and text otherwise (DuckDB's own sniffer
/// would, for example, read yes/no as booleans).
/// </summary>
internal static class PandasCsvTypes
{
    private const string Missing = "'', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null'";
    private const string Booleans = "'True', 'False', 'TRUE', 'FALSE', 'true', 'false'";

    /// <summary>The expression reading a text column with pandas' missing-value markers as NULL.</summary>
    public static string ReadText(string column) =>
        $"CASE WHEN {column} IN ({Missing}) THEN NULL ELSE {column} END";

    /// <summary>Whether text is an integer as Python's <c>int()</c> reads it (DuckDB's cast would round 1.5).</summary>
    public static string IsInteger(string column) => $"regexp_full_match(trim({column}), '[+-]?[0-9]+')";

    /// <summary>Converts the text columns of <paramref name="table"/> to the types pandas would infer.</summary>
    public static async Task ApplyAsync(DuckDbSession session, string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var measures = columns.SelectMany(c =>
        {
            var id = ColumnSelection.Identifier(c);
            return new[] { $"count({id})", $"count({id}) FILTER (WHERE {IsInteger(id)})", $"count(TRY_CAST({id} AS DOUBLE))", $"count({id}) FILTER (WHERE {id} IN ({Booleans}))" };
        });
        var row = (await session.QueryAsync($"SELECT {string.Join(", ", measures)} FROM {table}", cancellationToken).ConfigureAwait(false)).Rows[0];
        for (var i = 0; i < columns.Count; i++)
        {
            var values = Count(row[i * 4]);
            if (values == 0)
            {
                continue;
            }

            var type = Count(row[(i * 4) + 1]) == values ? "BIGINT"
                : Count(row[(i * 4) + 2]) == values ? "DOUBLE"
                : Count(row[(i * 4) + 3]) == values ? "BOOLEAN"
                : null;
            if (type is not null)
            {
                var id = ColumnSelection.Identifier(columns[i]);
                await session.ExecuteAsync($"ALTER TABLE {table} ALTER {id} TYPE {type} USING CAST({id} AS {type})", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static long Count(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
