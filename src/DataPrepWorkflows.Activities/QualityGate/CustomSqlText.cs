using System.Text;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Makes a Glue CustomSql statement runnable on DuckDB. Glue statements name the dataset <c>primary</c>, which is
/// a reserved word in DuckDB, so each bare <c>primary</c> outside string literals and quoted names becomes the
/// quoted identifier <c>"primary"</c>; a trailing semicolon is dropped. A statement with a <c>--</c> comment ends
/// with a line break, so the comment stops there when the statement is embedded in a larger query.
/// </summary>
internal static class CustomSqlText
{
    public static string Prepare(string statement)
    {
        var text = statement.Trim().TrimEnd(';').TrimEnd();
        var sql = new StringBuilder(text.Length + 8);
        var comment = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                end = end < 0 ? text.Length - 1 : end;
                sql.Append(text, i, end - i + 1);
                i = end;
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                comment = true;
                sql.Append(c);
            }
            else if (IsWordStart(text, i) && string.Compare(text, i, "primary", 0, 7, StringComparison.OrdinalIgnoreCase) == 0
                && (i + 7 == text.Length || !IsWordChar(text[i + 7])))
            {
                sql.Append(DqSql.Primary);
                i += 6;
            }
            else
            {
                sql.Append(c);
            }
        }

        return comment ? sql.Append('\n').ToString() : sql.ToString();
    }

    private static bool IsWordStart(string text, int i) => i == 0 || !(IsWordChar(text[i - 1]) || text[i - 1] == '.');

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
