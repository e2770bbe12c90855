using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Schema;

namespace DataPrepWorkflows.DataPlane.Tests.Schema;

public sealed class GlueTypesTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public GlueTypesTests() => _connection = _database.Connect();

    [Theory]
    [InlineData("BOOLEAN", "boolean")]
    [InlineData("TINYINT", "tinyint")]
    [InlineData("SMALLINT", "smallint")]
    [InlineData("INTEGER", "int")]
    [InlineData("BIGINT", "bigint")]
    [InlineData("UTINYINT", "smallint")]
    [InlineData("UINTEGER", "bigint")]
    [InlineData("UBIGINT", "decimal(20,0)")]
    [InlineData("HUGEINT", "decimal(38,0)")]
    [InlineData("FLOAT", "float")]
    [InlineData("DOUBLE", "double")]
    [InlineData("DECIMAL(12,3)", "decimal(12,3)")]
    [InlineData("DECIMAL(38,10)", "decimal(38,10)")]
    [InlineData("VARCHAR", "string")]
    [InlineData("UUID", "string")]
    [InlineData("BLOB", "binary")]
    [InlineData("DATE", "date")]
    [InlineData("TIME", "string")]
    [InlineData("TIMESTAMP", "timestamp")]
    [InlineData("TIMESTAMP_MS", "timestamp")]
    [InlineData("TIMESTAMPTZ", "timestamp")]
    [InlineData("INTERVAL", "string")]
    [InlineData("INTEGER[]", "array<int>")]
    [InlineData("VARCHAR[3]", "array<string>")]
    [InlineData("STRUCT(a INTEGER, b VARCHAR[])", "struct<a:int,b:array<string>>")]
    [InlineData("STRUCT(nested STRUCT(x DOUBLE))[]", "array<struct<nested:struct<x:double>>>")]
    [InlineData("MAP(VARCHAR, DECIMAL(10,2))", "map<string,decimal(10,2)>")]
    public void FromDuckDb_MapsToGlueName(string duckDbType, string glueType)
    {
        Assert.Equal(glueType, GlueTypes.FromDuckDb(TypeOf(duckDbType)));
    }

    [Theory]
    [InlineData("bigint", "BIGINT")]
    [InlineData("INT", "INTEGER")]
    [InlineData("integer", "INTEGER")]
    [InlineData("decimal", "DECIMAL(10,0)")]
    [InlineData("decimal(10, 2)", "DECIMAL(10,2)")]
    [InlineData("varchar(20)", "VARCHAR")]
    [InlineData("binary", "BLOB")]
    [InlineData("array<struct<a:int,b:string>>", "STRUCT(\"a\" INTEGER, \"b\" VARCHAR)[]")]
    [InlineData("map<string,array<double>>", "MAP(VARCHAR, DOUBLE[])")]
    [InlineData("struct<`odd name`:timestamp>", "STRUCT(\"odd name\" TIMESTAMP)")]
    public void ToDuckDbSql_MapsGlueName(string glueType, string duckDbSql)
    {
        Assert.Equal(duckDbSql, GlueTypes.ToDuckDbSql(glueType));
    }

    [Theory]
    [InlineData("decimal(10,2)")]
    [InlineData("array<struct<a:int,b:array<string>>>")]
    [InlineData("map<string,struct<x:double,y:date>>")]
    [InlineData("struct<id:bigint,tags:array<string>,price:decimal(38,4),raw:binary,at:timestamp,ok:boolean>")]
    public void GlueName_ToDuckDbAndBack_IsUnchanged(string glueType)
    {
        var duckDb = TypeOf(GlueTypes.ToDuckDbSql(glueType));

        Assert.Equal(glueType, GlueTypes.FromDuckDb(duckDb));
    }

    [Theory]
    [InlineData("text", "unknown type 'text'")]
    [InlineData("array<int", "expected '>'")]
    [InlineData("decimal(40,2)", "precision must be 1-38")]
    [InlineData("struct<a int>", "expected ':'")]
    [InlineData("int extra", "unexpected")]
    public void ToDuckDbSql_Invalid_ThrowsWithPosition(string glueType, string expected)
    {
        var error = Assert.Throws<FormatException>(() => GlueTypes.ToDuckDbSql(glueType));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(GlueTypes.IsValid(glueType));
    }

    [Fact]
    public void Normalize_SpellsTypesAsGlueDoes()
    {
        Assert.Equal("array<struct<a:int>>", GlueTypes.Normalize(" ARRAY< STRUCT<a: INTEGER> >"));
    }

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    private DuckDbLogicalType TypeOf(string sql)
    {
        using var result = _connection.Query($"SELECT NULL::{sql}");
        return result.Columns[0].Type;
    }
}
