using System.Text;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Printing;

/// <summary>
/// Prints a whole ruleset the way AWS Glue lays one out: each present section separated by a blank line,
/// dictionaries and lists with one entry per line indented by four spaces.
/// </summary>
internal static class DocumentPrinter
{
    private const string Indent = "    ";

    public static string Print(DqdlDocument document)
    {
        var sections = new List<string>();
        if (document.Metadata.Count > 0)
        {
            sections.Add(Dictionary("Metadata", document.Metadata.Select(e => $"\"{e.Key}\": \"{e.Value}\"")));
        }

        if (document.DataSources is { } sources)
        {
            var entries = new List<string>();
            if (sources.Primary is not null)
            {
                entries.Add($"\"Primary\": \"{sources.Primary}\"");
            }

            if (sources.AdditionalDataSources is not null)
            {
                entries.Add($"\"AdditionalDataSources\": [ {string.Join(", ", sources.AdditionalDataSources.Select(s => $"\"{s}\""))} ]");
            }

            sections.Add(Dictionary("DataSources", entries));
        }

        if (document.Variables.Count > 0)
        {
            sections.Add(string.Join('\n', document.Variables.Select(Variable)));
        }

        if (document.DefaultLabels.Count > 0)
        {
            sections.Add($"DefaultLabels = {DqdlPrinter.Labels(document.DefaultLabels)}");
        }

        if (document.Rules.Count > 0)
        {
            sections.Add(List("Rules", document.Rules.Select(r => r.ToString())));
        }

        if (document.Analyzers.Count > 0)
        {
            sections.Add(List("Analyzers", document.Analyzers.Select(a => a.ToString())));
        }

        return string.Join("\n\n", sections) + "\n";
    }

    private static string Variable(DqVariable variable) => variable.IsList
        ? $"{variable.Name} = [{string.Join(", ", variable.Values.Select(DqdlPrinter.String))}]"
        : $"{variable.Name} = {DqdlPrinter.String(variable.Values[0])}";

    private static string Dictionary(string name, IEnumerable<string> entries) =>
        Block(name, '{', '}', entries);

    private static string List(string name, IEnumerable<string> entries) =>
        Block(name, '[', ']', entries);

    private static string Block(string name, char open, char close, IEnumerable<string> entries)
    {
        var sb = new StringBuilder().Append(name).Append(" = ").Append(open).Append('\n');
        sb.AppendJoin(",\n", entries.Select(e => Indent + e));
        return sb.Append('\n').Append(close).ToString();
    }
}
