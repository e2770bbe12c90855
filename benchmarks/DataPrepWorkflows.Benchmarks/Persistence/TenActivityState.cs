using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Benchmarks.Persistence;

/// <summary>A state document the size of a 10-activity run's: each activity's status, inputs and a small output.</summary>
internal static class TenActivityState
{
    private const string Activity = """
        "step#":{"status":"Completed","attempts":1,"inputs":{"source":"s3://bucket/data/part-#.csv","rules":["Completeness \"id\" > 0.95","ColumnCount = 12"]},"output":{"rows":120000,"passed":true,"metrics":{"completeness":0.998,"distinct":11873,"mean":42.5,"stddev":3.1}}}
        """;

    public static byte[] Utf8()
    {
        var activities = Enumerable.Range(0, 10).Select(i => Activity.Replace("#", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var json = """{"status":"Running","activities":{""" + string.Join(",", activities) + """},"variables":{"bucket":"bucket","prefix":"data/","threshold":0.95}}""";
        return Encoding.UTF8.GetBytes(json);
    }
}
