using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// A job run's arguments as Glue's <c>Arguments</c> map: keys are <c>--name</c> (a key written without the dashes
/// gets them), values are strings. <c>${name}</c> and <c>${--name}</c> in SQL both find <c>--name</c>.
/// </summary>
internal sealed class JobArguments
{
    public const string BookmarkOption = "--job-bookmark-option";
    public const string BookmarkEnable = "job-bookmark-enable";
    public const string BookmarkDisable = "job-bookmark-disable";
    public const string BookmarkPause = "job-bookmark-pause";

    private readonly List<KeyValuePair<string, string>> _values;

    private JobArguments(List<KeyValuePair<string, string>> values) => _values = values;

    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    public string Bookmark => Find(BookmarkOption) ?? BookmarkDisable;

    public string? Find(string name)
    {
        var key = name.StartsWith("--", StringComparison.Ordinal) ? name : "--" + name;
        return _values.FirstOrDefault(p => p.Key == key).Value;
    }

    public static JobArguments Parse(JsonObject? arguments)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var (key, node) in arguments ?? [])
        {
            var name = key.StartsWith("--", StringComparison.Ordinal) ? key : "--" + key;
            var text = node switch
            {
                null => "",
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => node.ToJsonString(),
            };
            values.Add(KeyValuePair.Create(name, text));
        }

        var result = new JobArguments(values);
        if (result.Bookmark is not (BookmarkEnable or BookmarkDisable or BookmarkPause))
        {
            throw new ActivityFaultException(GlueJobErrors.InvalidInput,
                $"arguments.{BookmarkOption}: '{result.Bookmark}' is not one of {BookmarkEnable}, {BookmarkDisable}, {BookmarkPause}.");
        }

        return result;
    }
}
