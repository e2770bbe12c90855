using System.Diagnostics.CodeAnalysis;

namespace DataPrepWorkflows.Catalog;

/// <summary>
/// Database and table names as Glue stores them: lower-cased. Names are limited to letters, digits, <c>_</c> and
/// <c>-</c> so that every name works in SQL (Athena, DuckDB) and the <c>database.table</c> form stays unambiguous.
/// </summary>
public static class CatalogName
{
    /// <summary>Glue's maximum name length.</summary>
    public const int MaxLength = 255;

    /// <summary>The lower-cased name, or a <see cref="CatalogException"/> (<c>InvalidInputException</c>) naming the problem.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="kind">What is being named, for the message (<c>database</c>, <c>table</c>).</param>
    public static string Normalize(string? name, string kind)
    {
        if (TryNormalize(name, kind, out var normalized, out var error))
        {
            return normalized;
        }

        throw new CatalogException(CatalogErrorCodes.InvalidInput, error);
    }

    /// <summary>Lower-cases and validates <paramref name="name"/>; on failure <paramref name="error"/> says why.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="kind">What is being named, for the message.</param>
    /// <param name="normalized">The lower-cased name.</param>
    /// <param name="error">Why the name is not valid.</param>
    public static bool TryNormalize(
        string? name,
        string kind,
        [NotNullWhen(true)] out string? normalized,
        [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (string.IsNullOrEmpty(name))
        {
            error = $"The {kind} name is empty.";
            return false;
        }

        if (name.Length > MaxLength)
        {
            error = $"The {kind} name '{name[..20]}…' is longer than {MaxLength} characters.";
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                error = $"The {kind} name '{name}' contains '{c}'; use letters, digits, '_' or '-'.";
                return false;
            }
        }

        error = null;
        normalized = name.ToLowerInvariant();
        return true;
    }
}
