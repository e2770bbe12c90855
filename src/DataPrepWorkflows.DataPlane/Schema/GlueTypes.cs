using System.Globalization;
using System.Text;
using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Schema;

/// <summary>
/// Maps DuckDB types to the Glue/Hive type names the Glue Data Catalog stores (<c>bigint</c>, <c>decimal(10,2)</c>,
/// <c>array&lt;string&gt;</c>, <c>struct&lt;a:int,b:string&gt;</c>, …) and back. Types Hive lacks map to the closest
/// wider Hive type (unsigned integers widen, UUID/TIME/INTERVAL/ENUM become <c>string</c>).
/// </summary>
public static class GlueTypes
{
    /// <summary>The Glue/Hive name of a DuckDB type.</summary>
    /// <param name="type">The DuckDB type.</param>
    /// <returns>The Glue type name, lower case.</returns>
    public static string FromDuckDb(DuckDbLogicalType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Id switch
        {
            DuckDbType.Boolean => "boolean",
            DuckDbType.TinyInt => "tinyint",
            DuckDbType.SmallInt or DuckDbType.UTinyInt => "smallint",
            DuckDbType.Integer or DuckDbType.USmallInt => "int",
            DuckDbType.BigInt or DuckDbType.UInteger => "bigint",
            DuckDbType.UBigInt => "decimal(20,0)",
            DuckDbType.HugeInt or DuckDbType.UHugeInt => "decimal(38,0)",
            DuckDbType.Float => "float",
            DuckDbType.Double => "double",
            DuckDbType.Decimal => string.Create(CultureInfo.InvariantCulture, $"decimal({type.Width},{type.Scale})"),
            DuckDbType.Blob => "binary",
            DuckDbType.Date => "date",
            DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs
                or DuckDbType.TimestampTz => "timestamp",
            DuckDbType.List or DuckDbType.Array => $"array<{FromDuckDb(type.Element!)}>",
            DuckDbType.Map => $"map<{FromDuckDb(type.Key!)},{FromDuckDb(type.Value!)}>",
            DuckDbType.Struct => "struct<" + string.Join(',', type.Fields.Select(f => $"{f.Name}:{FromDuckDb(f.Type)}")) + ">",
            _ => "string",
        };
    }

    /// <summary>
    /// The DuckDB SQL type for a Glue/Hive type name, e.g. <c>array&lt;struct&lt;a:int&gt;&gt;</c> →
    /// <c>STRUCT("a" INTEGER)[]</c>. Accepts the spellings Glue accepts (<c>int</c>/<c>integer</c>,
    /// <c>varchar(n)</c>, <c>char(n)</c>, a bare <c>decimal</c> meaning <c>decimal(10,0)</c>), in any case.
    /// </summary>
    /// <param name="glueType">The Glue type name.</param>
    /// <returns>The DuckDB type, in SQL.</returns>
    /// <exception cref="FormatException">The name is not a Glue type; the message says where and what was expected.</exception>
    public static string ToDuckDbSql(string glueType)
    {
        ArgumentNullException.ThrowIfNull(glueType);
        var parser = new GlueTypeParser(glueType);
        var sql = parser.ParseType();
        parser.ExpectEnd();
        return sql;
    }

    /// <summary>Whether <paramref name="glueType"/> is a Glue type name this mapping understands.</summary>
    /// <param name="glueType">The name to check.</param>
    /// <returns><see langword="true"/> when <see cref="ToDuckDbSql"/> accepts it.</returns>
    public static bool IsValid(string glueType)
    {
        try
        {
            _ = ToDuckDbSql(glueType);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Glue's canonical spelling of a type name (lower case, no spaces, <c>integer</c> → <c>int</c>).</summary>
    /// <param name="glueType">The Glue type name.</param>
    /// <returns>The normalised name.</returns>
    public static string Normalize(string glueType)
    {
        var builder = new StringBuilder();
        foreach (var c in glueType.Trim())
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Replace("integer", "int", StringComparison.Ordinal);
    }
}
