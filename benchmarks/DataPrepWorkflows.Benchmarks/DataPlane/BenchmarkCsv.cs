using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Benchmarks.DataPlane;

/// <summary>
/// Writes the benchmark's input: a deterministic CSV of loan applications, 20 mixed-type columns (integers,
/// decimals, doubles, booleans, dates, timestamps, categories, free text with quoted commas) and some empty fields.
/// The same seed always gives the same bytes, so runs on different machines compare the same file.
/// </summary>
internal static class BenchmarkCsv
{
    private static readonly string[] Regions = ["north", "south", "east", "west", "central"];
    private static readonly string[] Products = ["personal", "mortgage", "auto", "student", "business"];
    private static readonly string[] Channels = ["web", "branch", "phone", "partner"];
    private static readonly string[] Cities = ["Lyon", "Porto", "Gdansk", "Leeds", "Aarhus", "Bilbao", "Graz", "Turin"];
    private static readonly string[] Notes = ["", "ok", "needs review", "\"docs missing, call back\"", "vip", "\"income, variable\""];

    public static void Write(string path, int rows)
    {
        var random = new Random(20240601);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write("id,customer_id,age,income,loan_amount,interest_rate,credit_score,region,product,channel,");
        writer.Write("approved,defaulted,application_date,updated_at,email,city,term_months,balance,notes,risk_band\n");
        var line = new StringBuilder(256);
        for (var i = 1; i <= rows; i++)
        {
            line.Clear();
            var inv = CultureInfo.InvariantCulture;
            var date = start.AddDays(random.Next(0, 1800));
            line.Append(i).Append(',')
                .Append(random.Next(100_000, 999_999)).Append(',')
                .Append(random.Next(100) < 3 ? string.Empty : random.Next(18, 80).ToString(inv)).Append(',')
                .Append((random.NextDouble() * 150_000).ToString("F2", inv)).Append(',')
                .Append((random.Next(1_000, 500_000) / 100m).ToString("F2", inv)).Append(',')
                .Append((random.NextDouble() * 0.2).ToString("F5", inv)).Append(',')
                .Append(random.Next(300, 851)).Append(',')
                .Append(Regions[random.Next(Regions.Length)]).Append(',')
                .Append(Products[random.Next(Products.Length)]).Append(',')
                .Append(Channels[random.Next(Channels.Length)]).Append(',')
                .Append(random.Next(2) == 0 ? "true" : "false").Append(',')
                .Append(random.Next(10) == 0 ? "true" : "false").Append(',')
                .Append(date.ToString("yyyy-MM-dd", inv)).Append(',')
                .Append(date.AddSeconds(random.Next(0, 86_400 * 30)).ToString("yyyy-MM-dd HH:mm:ss", inv)).Append(',')
                .Append("user").Append(random.Next(1_000_000)).Append("@example.org").Append(',')
                .Append(Cities[random.Next(Cities.Length)]).Append(',')
                .Append(12 * random.Next(1, 31)).Append(',')
                .Append((random.NextDouble() * 250_000).ToString("F2", inv)).Append(',')
                .Append(Notes[random.Next(Notes.Length)]).Append(',')
                .Append((char)('A' + random.Next(5)))
                .Append('\n');
            writer.Write(line);
        }
    }
}
