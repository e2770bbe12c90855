using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>DataBrew's column selector: an exact <c>Name</c> or a <c>Regex</c> matched against the whole column name.</summary>
internal sealed record ColumnSelector(string? Name, Regex? Regex)
{
    public bool Matches(string column) =>
        Name is not null ? string.Equals(Name, column, StringComparison.Ordinal) : Regex!.IsMatch(column);

    public static bool AnyMatches(IReadOnlyList<ColumnSelector>? selectors, string column) =>
        selectors is null || selectors.Any(s => s.Matches(column));

    public static ColumnSelector Create(string? name, string? regex, string where)
    {
        if (!string.IsNullOrEmpty(name))
        {
            return new ColumnSelector(name, null);
        }

        if (string.IsNullOrEmpty(regex))
        {
            throw new FormatException($"{where}: a selector needs Name or Regex.");
        }

        try
        {
            // Anchored, like DataBrew: "example.*" selects example_1 but not my_example.
            return new ColumnSelector(null, new Regex("^(?:" + regex + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
        catch (ArgumentException error)
        {
            throw new FormatException($"{where}: Regex '{regex}' is not a valid regular expression ({error.Message}).", error);
        }
    }
}
