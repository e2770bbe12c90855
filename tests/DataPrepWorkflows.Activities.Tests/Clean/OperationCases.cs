namespace DataPrepWorkflows.Activities.Tests.Clean;

/// <summary>
/// One operation applied to a small CSV, with the hand-checked values of one output column ('|' between rows, '∅' for
/// missing). Parameters are written as DataBrew writes them: every value a string.
/// </summary>
public sealed class OperationCases
{
    private const string People = "name,age,income,city\nann,30,100,Oslo\nbob,,200,rome\ncid,40,,Oslo\ndee,50,400,\n";
    private const string Numbers = "x\n1\n2\n3\n4\n100\n";
    private const string Text = "t\n  Hello   World \nfoo-bar\nq!\n";

    public static TheoryData<string, string, string, string, string> Cases() => new()
    {
        // Missing values
        { People, "FILL_WITH_AVERAGE", """{"sourceColumn":"age"}""", "age", "30.0|40.0|40.0|50.0" },
        { People, "FILL_WITH_MEDIAN", """{"sourceColumn":"income"}""", "income", "100.0|200.0|200.0|400.0" },
        { "c\na\nb\nb\n\n", "FILL_WITH_MOST_FREQUENT", """{"sourceColumn":"c"}""", "c", "a|b|b|b" },
        { People, "FILL_WITH_SUM", """{"sourceColumn":"income"}""", "income", "100.0|200.0|700.0|400.0" },
        { People, "FILL_WITH_CUSTOM", """{"sourceColumn":"city","columnDataType":"string","value":"Unknown"}""", "city", "Oslo|rome|Oslo|Unknown" },
        { People, "FILL_WITH_CUSTOM", """{"sourceColumn":"age","columnDataType":"number","value":"18"}""", "age", "30.0|18.0|40.0|50.0" },
        { People, "FILL_WITH_EMPTY", """{"sourceColumn":"age"}""", "age", "30||40|50" },
        { People, "FILL_WITH_NULL", """{"sourceColumn":"city"}""", "city", "Oslo|rome|Oslo|∅" },
        { People, "FLAG_COLUMN_FROM_NULL", """{"sourceColumn":"age","targetColumn":"age_missing"}""", "age_missing", "false|true|false|false" },
        { "v\n1\n\n\n4\n\n", "FILL", """{"sourceColumn":"v","numRowsBefore":"1","numRowsAfter":"1","targetColumn":"f"}""", "f", "1|1|4|4|4" },
        // Duplicates
        { "a,b\n1,x\n1,y\n2,x\n", "FLAG_DUPLICATES_IN_COLUMN", """{"sourceColumn":"a","targetColumn":"dup","trueString":"Y","falseString":"N"}""", "dup", "N|Y|N" },
        { "a,b\n1,x\n1,x\n2,x\n1,x\n", "FLAG_DUPLICATE_ROWS", """{"targetColumn":"dup"}""", "dup", "false|true|false|true" },
        { "a,b\n1,x\n1,y\n2,x\n1,z\n", "REMOVE_DUPLICATES", """{"sourceColumn":"a"}""", "b", "x|x" },
        // Invalid values
        { "n\n1\nn/a\n3\n5\n", "REPLACE_WITH_MEDIAN", """{"sourceColumn":"n","columnDataType":"number"}""", "n", "1.0|3.0|3.0|5.0" },
        { "n\n1\nn/a\n3\n5\n", "REPLACE_WITH_AVERAGE", """{"sourceColumn":"n","columnDataType":"number"}""", "n", "1.0|3.0|3.0|5.0" },
        { "n\n2\nbad\n2\n7\n", "REPLACE_WITH_MOST_FREQUENT", """{"sourceColumn":"n","columnDataType":"number"}""", "n", "2.0|2.0|2.0|7.0" },
        { "n\n2\nbad\n7\n2\n7\n", "REPLACE_WITH_MODE", """{"sourceColumn":"n","columnDataType":"number","modeType":"MAXIMUM"}""", "n", "2.0|7.0|7.0|2.0|7.0" },
        { "n\n2\nbad\n7\n2\n7\n", "REPLACE_WITH_MODE", """{"sourceColumn":"n","columnDataType":"number","modeType":"AVERAGE"}""", "n", "2.0|4.5|7.0|2.0|7.0" },
        { "n\n1\nbad\n", "REPLACE_WITH_CUSTOM", """{"sourceColumn":"n","columnDataType":"number","value":"0"}""", "n", "1.0|0.0" },
        { "n\n1\nbad\n", "REPLACE_WITH_EMPTY", """{"sourceColumn":"n","columnDataType":"number"}""", "n", "1|" },
        { "n\n1\nbad\n", "REPLACE_WITH_NULL", """{"sourceColumn":"n","columnDataType":"number"}""", "n", "1.0|∅" },
        // Outliers
        { Numbers, "REPLACE_OUTLIERS", """{"sourceColumn":"x","outlierStrategy":"IQR","threshold":"1.5","replaceType":"WINSORIZE_VALUES"}""", "x", "1.0|2.0|3.0|4.0|7.0" },
        { Numbers, "REPLACE_OUTLIERS", """{"sourceColumn":"x","outlierStrategy":"MODIFIED_Z_SCORE","threshold":"3.5","replaceType":"REPLACE_WITH_MEDIAN"}""", "x", "1.0|2.0|3.0|4.0|3.0" },
        { Numbers, "REMOVE_OUTLIERS", """{"sourceColumn":"x","outlierStrategy":"Z_SCORE","threshold":"1.5","removeType":"CLEAR"}""", "x", "1|2|3|4|∅" },
        { Numbers, "FLAG_OUTLIERS", """{"sourceColumn":"x","outlierStrategy":"IQR","threshold":"1.5","targetColumn":"o"}""", "o", "false|false|false|false|true" },
        { "x\n1\n3\n", "RESCALE_OUTLIERS_WITH_Z_SCORE", """{"sourceColumn":"x","targetColumn":"z"}""", "z", "-1.0|1.0" },
        // Scaling
        { "x\n2\n4\n6\n", "NORMALIZATION", """{"sourceColumn":"x","strategy":"MIN_MAX","targetColumn":"n"}""", "n", "0.0|0.5|1.0" },
        { "x\n2\n4\n6\n", "NORMALIZATION", """{"sourceColumn":"x","strategy":"SCALE_BETWEEN","lowerBound":"10","upperBound":"20","targetColumn":"n"}""", "n", "10.0|15.0|20.0" },
        { "x\n2\n4\n6\n", "NORMALIZATION", """{"sourceColumn":"x","strategy":"MEAN_NORMALIZATION","targetColumn":"n"}""", "n", "-0.5|0.0|0.5" },
        { "x\n1\n3\n", "NORMALIZATION", """{"sourceColumn":"x","strategy":"Z_SCORE","targetColumn":"n"}""", "n", "-1.0|1.0" },
        // Encoding
        { "c\nred\nblue\n\nred\n", "ONE_HOT_ENCODING", """{"sourceColumn":"c"}""", "c_red", "1|0|0|1" },
        { "s\nCanada\nCuba\nPeru\n", "CATEGORICAL_MAPPING", """{"sourceColumn":"s","categoryMap":"{\"Canada\":\"2\",\"Cuba\":\"3\"}","deleteOtherRows":"false","keepOthers":"false","other":"0","mapType":"NUMERIC","targetColumn":"m"}""", "m", "2.0|3.0|0.0" },
        { "s\nCanada\nCuba\nPeru\n", "CATEGORICAL_MAPPING", """{"sourceColumn":"s","categoryMap":"{\"Canada\":\"CA\"}","keepOthers":"true"}""", "s", "CA|Cuba|Peru" },
        { "s\nCanada\nCuba\nPeru\n", "CATEGORICAL_MAPPING", """{"sourceColumn":"s","categoryMap":"{\"Canada\":\"CA\",\"Peru\":\"PE\"}","deleteOtherRows":"true","targetColumn":"m"}""", "m", "CA|PE" },
        { "x\n1\n5\n\n", "BINARIZATION", """{"sourceColumn":"x","targetColumn":"b","threshold":"3"}""", "b", "0|1|∅" },
        { "x\n1\n5\n", "BINARIZATION", """{"sourceColumn":"x","targetColumn":"b","threshold":"3","flip":"true"}""", "b", "1|0" },
        { "level\n1\n2\n25\n", "BUCKETIZATION", """{"sourceColumn":"level","targetColumn":"bin","bucketNames":"[\"Bin1\",\"Bin2\",\"Bin3\"]","splits":"[\"-Infinity\",\"2\",\"20\",\"Infinity\"]"}""", "bin", "Bin1|Bin2|Bin3" },
        // Data types
        { "v\n1.7\nabc\n", "CHANGE_DATA_TYPE", """{"sourceColumn":"v","columnDataType":"double"}""", "v", "1.7|∅" },
        { "v\n12\n", "CHANGE_DATA_TYPE", """{"sourceColumn":"v","columnDataType":"string"}""", "v", "12" },
        { "v\nyes\nfalse\nmaybe\n", "TO_BOOLEAN_COLUMN", """{"sourceColumn":"v"}""", "v", "true|false|∅" },
        // Text
        { "t\nhello World\n", "UPPER_CASE", """{"sourceColumn":"t"}""", "t", "HELLO WORLD" },
        { "t\nhello World\n", "LOWER_CASE", """{"sourceColumn":"t"}""", "t", "hello world" },
        { "t\nhello wORLD\n", "CAPITAL_CASE", """{"sourceColumn":"t"}""", "t", "Hello World" },
        { "t\nhello WORLD\n", "SENTENCE_CASE", """{"sourceColumn":"t"}""", "t", "Hello world" },
        { "t\nab\n", "ADD_PREFIX", """{"sourceColumn":"t","pattern":"x-"}""", "t", "x-ab" },
        { "t\nab\n", "ADD_SUFFIX", """{"sourceColumn":"t","pattern":"-y"}""", "t", "ab-y" },
        { "t\na.b.c\n", "REPLACE_TEXT", """{"sourceColumn":"t","pattern":".","value":"/"}""", "t", "a/b/c" },
        { "t\na1b22c\n", "REPLACE_PATTERN", """{"sourceColumn":"t","pattern":"[0-9]+","value":"#"}""", "t", "a#b#c" },
        { "t\nid-123-x\nnone\n", "EXTRACT_PATTERN", """{"sourceColumn":"t","pattern":"[0-9]+","targetColumn":"n"}""", "n", "123|∅" },
        { Text, "REMOVE_COMBINED", """{"sourceColumn":"t","collapseConsecutiveWhitespace":"true","removeLeadingAndTrailingWhitespace":"true","removeAllPunctuation":"true"}""", "t", "Hello World|foobar|q" },
        { "t\nab12cd\n", "REMOVE_COMBINED", """{"sourceColumn":"t","removeNumbers":"true"}""", "t", "abcd" },
        { "t\nab12cd\n", "REMOVE_COMBINED", """{"sourceColumn":"t","removeLetters":"true"}""", "t", "12" },
        { "t\na*b+c\n", "REMOVE_COMBINED", """{"sourceColumn":"t","removeCustomCharacters":"true","customCharacters":"*+"}""", "t", "abc" },
        { Text, "TRIM", """{"sourceColumn":"t","targetColumn":"r"}""", "r", "Hello   World|foo-bar|q!" },
        { Text, "REMOVE_WHITESPACE", """{"sourceColumn":"t","targetColumn":"r"}""", "r", "HelloWorld|foo-bar|q!" },
        { "t\nab\n", "UPPER", """{"sourceColumn":"t","targetColumn":"r"}""", "r", "AB" },
        { "t\nAB\n", "LOWER", """{"value":"XY","targetColumn":"r"}""", "r", "xy" },
        { "t\nhello there\n", "PROPER", """{"sourceColumn":"t","targetColumn":"r"}""", "r", "Hello There" },
        // Column structure
        { "u\na/b/c\nx\n", "SPLIT_COLUMN_SINGLE_DELIMITER", """{"sourceColumn":"u","pattern":"/","limit":"1","includeInSplit":"true"}""", "u_2", "b/c|∅" },
        { "u\na-b_c_d\n", "SPLIT_COLUMN_MULTIPLE_DELIMITER", """{"sourceColumn":"u","patternOptions":"[{\"pattern\":\"-\",\"includeInSplit\":true},{\"pattern\":\"_\",\"includeInSplit\":true}]","limit":"2"}""", "u_3", "c_d" },
        { "f,l\nAnn,Lee\nBob,\n", "MERGE", """{"sourceColumns":"[\"f\",\"l\"]","delimiter":" ","targetColumn":"full"}""", "full", "Ann Lee|Bob" },
        { "f,l\nAnn,Lee\n", "MERGE_COLUMNS_AND_VALUES", """{"sourceColumns":"[\"f\",\"l\"]","delimiter":"-","targetColumn":"full"}""", "full", "Ann-Lee" },
        { "a\n1\n", "DUPLICATE", """{"sourceColumn":"a","targetColumn":"b"}""", "b", "1" },
        { "a\n1\n", "RENAME", """{"sourceColumn":"a","targetColumn":"b"}""", "b", "1" },
        { "a,b\n2,x\n1,y\n,z\n", "SORT", """{"expressions":"[{\"sourceColumn\":\"a\",\"ordering\":\"DESCENDING\",\"nullsOrdering\":\"NULLS_TOP\"}]"}""", "b", "z|x|y" },
        { "a,b\nlow,1\nhigh,2\nmid,3\n", "SORT", """{"expressions":"[{\"sourceColumn\":\"a\",\"ordering\":\"ASCENDING\",\"customOrder\":[\"high\",\"mid\",\"low\"]}]"}""", "b", "2|3|1" },
        // Dates
        { "d\n2024-03-05\n", "FORMAT_DATE", """{"sourceColumn":"d","targetDateFormat":"mm/dd/yyyy"}""", "d", "03/05/2024" },
        { "d\n2024-03-05\n", "FORMAT_DATE", """{"sourceColumn":"d","targetDateFormat":"dd month yyyy"}""", "d", "05 March 2024" },
        { "d\n2024-03-05 10:20:30\n", "DATE_FORMAT", """{"sourceColumn":"d","dateTimeFormat":"yyyy-mm-dd HH:MM","targetColumn":"f"}""", "f", "2024-03-05 10:20" },
        { "d\n2024-01-31\n", "DATE_ADD", """{"sourceColumn":"d","units":"DAYS","dateAddValue":"14","dateTimeFormat":"mm/dd/yyyy","targetColumn":"f"}""", "f", "02/14/2024" },
        { "d\n2024-01-31\n", "DATE_ADD", """{"sourceColumn":"d","units":"MONTHS","dateAddValue":"1","dateTimeFormat":"yyyy-mm-dd","targetColumn":"f"}""", "f", "2024-02-29" },
        { "a\n1\n", "DATE_DIFF", """{"value1":"2020-01-01","value2":"2020-10-06","units":"DAYS","targetColumn":"n"}""", "n", "279" },
        { "y,m\n2024,2\n", "DATE", """{"dateTimeParameters":"{\"year\":{\"sourceColumn\":\"y\"},\"month\":{\"sourceColumn\":\"m\"},\"day\":{\"value\":\"9\"}}","dateTimeFormat":"yyyy-mm-dd","targetColumn":"d"}""", "d", "2024-02-09" },
        { "d\n2024-03-05 10:20:30\n\n", "YEAR", """{"sourceColumn":"d","targetColumn":"n"}""", "n", "2024|∅" },
        { "d\n2024-03-05 10:20:30\n", "MONTH", """{"sourceColumn":"d","targetColumn":"n"}""", "n", "3" },
        { "d\n2024-03-05 10:20:30\n", "DAY", """{"sourceColumn":"d","targetColumn":"n"}""", "n", "5" },
        { "d\n2024-03-05 10:20:30\n", "HOUR", """{"sourceColumn":"d","targetColumn":"n"}""", "n", "10" },
        { "d\n2024-03-05 10:20:30\n", "MINUTE", """{"sourceColumn":"d","targetColumn":"n"}""", "n", "20" },
        { "d\n2024-03-05 10:20:30\n", "SECOND", """{"sourceColumn":"d","targetColumn":"n"}""", "n", "30" },
        { "d\n2024-03-10\n", "WEEK_DAY", """{"sourceColumn":"d","targetColumn":"n"}""", "n", "7" },
        // Math
        { "a,b\n1,2\n,3\n", "ADD", """{"sourceColumn1":"a","sourceColumn2":"b","targetColumn":"s"}""", "s", "3.0|∅" },
        { "a\n5\n", "SUBTRACT", """{"sourceColumn1":"a","value2":"2","targetColumn":"s"}""", "s", "3.0" },
        { "a\n5\n", "MULTIPLY", """{"sourceColumn1":"a","value2":"2.5","targetColumn":"s"}""", "s", "12.5" },
        { "a,b\n5,2\n5,0\n", "DIVIDE", """{"sourceColumn1":"a","sourceColumn2":"b","targetColumn":"s"}""", "s", "2.5|∅" },
        { "a\n7\n", "MOD", """{"sourceColumn1":"a","value2":"3","targetColumn":"s"}""", "s", "1.0" },
        { "a\n-2.5\n", "ABSOLUTE", """{"sourceColumn":"a","targetColumn":"s"}""", "s", "2.5" },
        { "a\n2.1\n", "CEILING", """{"sourceColumn":"a","targetColumn":"s"}""", "s", "3.0" },
        { "a\n2.9\n", "FLOOR", """{"sourceColumn":"a","targetColumn":"s"}""", "s", "2.0" },
        { "a\n2.5\n2.4\n-2.5\n", "ROUND", """{"sourceColumn":"a","targetColumn":"s"}""", "s", "3.0|2.0|-2.0" },
        { "a\n9\n-1\n", "SQUARE_ROOT", """{"sourceColumn":"a","targetColumn":"s"}""", "s", "3.0|∅" },
        { "a\n0\n", "EXPONENT", """{"sourceColumn":"a","targetColumn":"s"}""", "s", "1.0" },
        { "a\n1\n0\n", "LN", """{"sourceColumn":"a","targetColumn":"s"}""", "s", "0.0|∅" },
        { "a\n8\n", "LOG", """{"sourceColumn":"a","base":"2","targetColumn":"s"}""", "s", "3.0" },
        { "a\n2\n", "POWER", """{"sourceColumn":"a","exponent":"3","targetColumn":"s"}""", "s", "8.0" },
        { "a,b\n1,x\n2,3\n", "SUM", """{"sourceColumns":"[\"a\",\"b\"]","targetColumn":"s"}""", "s", "1.0|5.0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_on_small_data_gives_hand_checked_values(string csv, string operation, string parameters, string column, string expected)
    {
        var table = await RecipeHarness.SucceedAsync(csv, operation, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(parameters));
        Assert.Equal(expected, table.Values(column));
    }
}
