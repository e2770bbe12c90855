namespace DataPrepWorkflows.Activities.Tests.Crawl;

/// <summary>Small CSV and JSON files for crawler tests.</summary>
internal static class CrawlData
{
    public const string Loans = "id,name,amount\n1,Ann,10.5\n2,Bob,20.25\n";

    public const string LoansWithRegion = "id,name,amount,region\n3,Cid,30.0,North\n4,Dee,40.0,South\n";

    public const string Customers = "customer_id,city,joined\n7,Oslo,2024-01-02\n8,Rome,2024-03-04\n";

    public const string EventsJson = "{\"event\":\"click\",\"at\":\"2024-01-01T10:00:00\",\"count\":3}\n{\"event\":\"view\",\"at\":\"2024-01-01T11:00:00\",\"count\":1}\n";

    public static object Crawl(string path, string database = "lake", object? extra = null)
    {
        var inputs = new Dictionary<string, object?> { ["targets"] = new[] { new { path } }, ["database"] = database };
        if (extra is not null)
        {
            foreach (var property in extra.GetType().GetProperties())
            {
                inputs[property.Name] = property.GetValue(extra);
            }
        }

        return inputs;
    }
}
