using System.Diagnostics.CodeAnalysis;

namespace DataPrepWorkflows.Catalog;

/// <summary>A table addressed as activities write it, <c>database.table</c>, both parts lower-cased.</summary>
public sealed record QualifiedTableName
{
    /// <summary>Creates the name, normalising both parts.</summary>
    /// <param name="database">Database name.</param>
    /// <param name="table">Table name.</param>
    public QualifiedTableName(string database, string table)
    {
        Database = CatalogName.Normalize(database, "database");
        Table = CatalogName.Normalize(table, "table");
    }

    /// <summary>Lower-cased database name.</summary>
    public string Database { get; }

    /// <summary>Lower-cased table name.</summary>
    public string Table { get; }

    /// <summary>Parses <c>database.table</c> or throws <see cref="CatalogException"/> (<c>InvalidInputException</c>).</summary>
    /// <param name="text">For example <c>dataprep_dev.raw_loans</c>.</param>
    public static QualifiedTableName Parse(string text)
    {
        if (TryParse(text, out var name, out var error))
        {
            return name;
        }

        throw new CatalogException(CatalogErrorCodes.InvalidInput, error);
    }

    /// <summary>Parses <c>database.table</c>; on failure <paramref name="error"/> says why.</summary>
    /// <param name="text">The candidate.</param>
    /// <param name="name">The parsed name.</param>
    /// <param name="error">Why the text is not valid.</param>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out QualifiedTableName? name,
        [NotNullWhen(false)] out string? error)
    {
        name = null;
        var parts = (text ?? string.Empty).Split('.');
        if (parts.Length != 2)
        {
            error = $"'{text}' is not a table reference; write it as database.table (exactly one '.').";
            return false;
        }

        if (!CatalogName.TryNormalize(parts[0], "database", out var database, out error)
            || !CatalogName.TryNormalize(parts[1], "table", out var table, out error))
        {
            error = $"'{text}': {error}";
            return false;
        }

        name = new QualifiedTableName(database, table);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Database + "." + Table;
}
