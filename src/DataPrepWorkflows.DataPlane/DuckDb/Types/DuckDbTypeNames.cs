using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>Spells a <see cref="DuckDbLogicalType"/> the way DuckDB's SQL does.</summary>
internal static class DuckDbTypeNames
{
    public static string ToSql(DuckDbLogicalType type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, DuckDbLogicalType type)
    {
        switch (type.Id)
        {
            case DuckDbType.Decimal:
                builder.Append(CultureInfo.InvariantCulture, $"DECIMAL({type.Width},{type.Scale})");
                break;
            case DuckDbType.List:
                Append(builder, type.Element!);
                builder.Append("[]");
                break;
            case DuckDbType.Array:
                Append(builder, type.Element!);
                builder.Append(CultureInfo.InvariantCulture, $"[{type.ArraySize}]");
                break;
            case DuckDbType.Map:
                builder.Append("MAP(");
                Append(builder, type.Key!);
                builder.Append(", ");
                Append(builder, type.Value!);
                builder.Append(')');
                break;
            case DuckDbType.Struct or DuckDbType.Union:
                builder.Append(type.Id == DuckDbType.Struct ? "STRUCT(" : "UNION(");
                for (var i = 0; i < type.Fields.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    builder.Append(Quote(type.Fields[i].Name)).Append(' ');
                    Append(builder, type.Fields[i].Type);
                }

                builder.Append(')');
                break;
            case DuckDbType.Enum:
                builder.Append("ENUM(")
                    .AppendJoin(", ", type.EnumValues.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"))
                    .Append(')');
                break;
            default:
                builder.Append(Simple(type.Id));
                break;
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Simple(DuckDbType id) => id switch
    {
        DuckDbType.Boolean => "BOOLEAN",
        DuckDbType.TinyInt => "TINYINT",
        DuckDbType.SmallInt => "SMALLINT",
        DuckDbType.Integer => "INTEGER",
        DuckDbType.BigInt => "BIGINT",
        DuckDbType.UTinyInt => "UTINYINT",
        DuckDbType.USmallInt => "USMALLINT",
        DuckDbType.UInteger => "UINTEGER",
        DuckDbType.UBigInt => "UBIGINT",
        DuckDbType.HugeInt => "HUGEINT",
        DuckDbType.UHugeInt => "UHUGEINT",
        DuckDbType.Float => "FLOAT",
        DuckDbType.Double => "DOUBLE",
        DuckDbType.Varchar => "VARCHAR",
        DuckDbType.Blob => "BLOB",
        DuckDbType.Date => "DATE",
        DuckDbType.Time => "TIME",
        DuckDbType.TimeTz => "TIME WITH TIME ZONE",
        DuckDbType.Timestamp => "TIMESTAMP",
        DuckDbType.TimestampS => "TIMESTAMP_S",
        DuckDbType.TimestampMs => "TIMESTAMP_MS",
        DuckDbType.TimestampNs => "TIMESTAMP_NS",
        DuckDbType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbType.Interval => "INTERVAL",
        DuckDbType.Uuid => "UUID",
        DuckDbType.Bit => "BIT",
        DuckDbType.BigNum => "BIGNUM",
        DuckDbType.SqlNull => "\"NULL\"",
        _ => id.ToString().ToUpperInvariant(),
    };
}
