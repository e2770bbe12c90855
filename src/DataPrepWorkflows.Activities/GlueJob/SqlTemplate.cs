using System.Text;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Activities.Crawl;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// Turns a SQL job's text into SQL DuckDB runs: <c>${name}</c> / <c>${--name}</c> become argument values (as written,
/// so quote them in the SQL: <c>'${source_path}'</c>), <c>${bookmark:s3://bucket/prefix/}</c> becomes a DuckDB list of
/// the files the job bookmark lets this run see (for <c>read_csv(…)</c>, <c>read_parquet(…)</c>, <c>read_json(…)</c>),
/// and <c>'s3://…'</c> string literals become the local files behind them.
/// </summary>
internal sealed partial class SqlTemplate(IObjectStore store, ILocalObjectFiles local, JobBookmarks bookmarks)
{
    /// <summary>Files the bookmark expansions listed.</summary>
    public int BookmarkedFiles { get; private set; }

    /// <summary>Whether the script used bookmark expansions and every one of them came back empty.</summary>
    public bool NothingNew { get; private set; }

    public async Task<string> ExpandAsync(string sql, JobArguments arguments, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(sql.Length);
        var last = 0;
        var expansions = 0;
        var empty = 0;
        foreach (Match match in Placeholder().Matches(sql))
        {
            text.Append(sql, last, match.Index - last);
            last = match.Index + match.Length;
            var name = match.Groups[1].Value.Trim();
            if (name.StartsWith("bookmark:", StringComparison.Ordinal))
            {
                var source = name["bookmark:".Length..].Trim();
                if (!S3Uri.TryParse(source, out var uri, out var error))
                {
                    throw new JobScriptException($"line {Line(sql, match.Index)}: ${{{name}}}: {error.Message}");
                }

                var files = await bookmarks.SelectAsync(store, uri, cancellationToken).ConfigureAwait(false);
                expansions++;
                empty += files.Count == 0 ? 1 : 0;
                BookmarkedFiles += files.Count;
                text.Append(SqlQuote.List(files.Select(f => local.GetPath(f.Uri))));
                continue;
            }

            var value = arguments.Find(name)
                ?? throw new JobScriptException($"line {Line(sql, match.Index)}: ${{{name}}} has no value; add \"--{name.TrimStart('-')}\" to the job's arguments.");
            text.Append(value);
        }

        text.Append(sql, last, sql.Length - last);
        NothingNew = expansions > 0 && empty == expansions;
        return S3Literal().Replace(text.ToString(), m => SqlQuote.Literal(LocalPath(m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal))));
    }

    /// <summary>The local path of an <c>s3://</c> URI, globs included (<c>s3://raw/loans/*.csv</c>).</summary>
    public string LocalPath(string uri)
    {
        if (!S3Uri.TryParse(uri, out var parsed, out var error))
        {
            throw new JobScriptException($"'{uri}': {error.Message}");
        }

        var bucket = local.GetPath(S3Uri.Create(parsed.Bucket));
        return Path.Combine(bucket, parsed.Key.Replace('/', Path.DirectorySeparatorChar));
    }

    private static int Line(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"'(s3://(?:[^']|'')*)'")]
    private static partial Regex S3Literal();
}
