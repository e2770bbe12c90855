using System.Globalization;

namespace DataPrepWorkflows.DataPlane.Schema;

/// <summary>Recursive-descent reader of Hive type names, producing DuckDB SQL types.</summary>
internal sealed class GlueTypeParser(string text)
{
    private int _position;

    public string ParseType()
    {
        var name = ReadWord().ToLowerInvariant();
        return name switch
        {
            "boolean" => "BOOLEAN",
            "tinyint" => "TINYINT",
            "smallint" => "SMALLINT",
            "int" or "integer" => "INTEGER",
            "bigint" => "BIGINT",
            "float" => "FLOAT",
            "double" => "DOUBLE",
            "string" => "VARCHAR",
            "varchar" or "char" => SkipLength("VARCHAR"),
            "binary" => "BLOB",
            "date" => "DATE",
            "timestamp" => "TIMESTAMP",
            "decimal" or "numeric" => ParseDecimal(),
            "array" => ParseArray(),
            "map" => ParseMap(),
            "struct" => ParseStruct(),
            _ => throw Error($"unknown type '{name}'; expected one of boolean, tinyint, smallint, int, bigint, float, double, decimal(p,s), string, varchar(n), char(n), binary, date, timestamp, array<…>, map<…,…>, struct<…>"),
        };
    }

    public void ExpectEnd()
    {
        SkipSpaces();
        if (_position != text.Length)
        {
            throw Error($"unexpected '{text[_position..]}'");
        }
    }

    private string ParseDecimal()
    {
        if (!TryTake('('))
        {
            return "DECIMAL(10,0)"; // Hive's default precision and scale.
        }

        var precision = ReadNumber();
        var scale = TryTake(',') ? ReadNumber() : 0;
        Expect(')');
        if (precision is < 1 or > 38 || scale > precision)
        {
            throw Error($"decimal({precision},{scale}) is out of range; precision must be 1-38 and scale at most the precision");
        }

        return string.Create(CultureInfo.InvariantCulture, $"DECIMAL({precision},{scale})");
    }

    private string ParseArray()
    {
        Expect('<');
        var element = ParseType();
        Expect('>');
        return element + "[]";
    }

    private string ParseMap()
    {
        Expect('<');
        var key = ParseType();
        Expect(',');
        var value = ParseType();
        Expect('>');
        return $"MAP({key}, {value})";
    }

    private string ParseStruct()
    {
        Expect('<');
        var fields = new List<string>();
        do
        {
            var name = ReadFieldName();
            Expect(':');
            fields.Add($"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" {ParseType()}");
        }
        while (TryTake(','));

        Expect('>');
        return $"STRUCT({string.Join(", ", fields)})";
    }

    private string SkipLength(string sql)
    {
        if (TryTake('('))
        {
            _ = ReadNumber();
            Expect(')');
        }

        return sql;
    }

    private string ReadFieldName()
    {
        SkipSpaces();
        if (!TryTake('`'))
        {
            return ReadWord();
        }

        var end = text.IndexOf('`', _position);
        if (end < 0)
        {
            throw Error("unterminated `quoted` field name");
        }

        var name = text[_position..end];
        _position = end + 1;
        return name;
    }

    private string ReadWord()
    {
        SkipSpaces();
        var start = _position;
        while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
        {
            _position++;
        }

        return start == _position ? throw Error("expected a type or field name") : text[start.._position];
    }

    private int ReadNumber()
    {
        var word = ReadWord();
        return int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Error($"expected a number, found '{word}'");
    }

    private bool TryTake(char expected)
    {
        SkipSpaces();
        if (_position < text.Length && text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char expected)
    {
        if (!TryTake(expected))
        {
            throw Error($"expected '{expected}'");
        }
    }

    private void SkipSpaces()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string what) =>
        new($"'{text}' is not a Glue type name (at character {_position + 1}: {what}).");
}
