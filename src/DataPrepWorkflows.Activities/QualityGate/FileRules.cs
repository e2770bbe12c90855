using System.Security.Cryptography;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// The file rules (experimental in Glue) over the files behind a path (a file, or every file below a folder;
/// the data being evaluated when no path is given): FileSize, FileFreshness (last modified), FileMatch (checksums,
/// <c>with hashAlgorithm</c> MD5 by default) and FileUniqueness (share of files whose content appears once).
/// </summary>
internal static class FileRules
{
    public static CompiledRule Compile(DqRule rule, RuleCompileContext context)
    {
        var files = context.Files(rule.Parameters.Count > 0 ? rule.Parameters[0].Value : null);
        return rule.RuleType switch
        {
            "FileSize" => PerFile(rule, files, (c, f) => ((SizeCondition)c).Matches(new FileInfo(f).Length)),
            "FileFreshness" => PerFile(rule, files, (c, f) => ((DateCondition)c).Matches(File.GetLastWriteTimeUtc(f), context.Judge.Now)),
            "FileUniqueness" => Uniqueness(rule, files),
            _ => Match(rule, context, files),
        };
    }

    private static CompiledRule PerFile(DqRule rule, IReadOnlyList<string> files, Func<DqCondition, string, bool> meets) => new()
    {
        Measure = _ =>
        {
            var failing = files.Where(f => !meets(rule.Condition!, f)).Select(Path.GetFileName).ToList();
            return new Measurement(new Dictionary<string, double>(), null, (double)(files.Count - failing.Count) / files.Count, failing);
        },
        Judge = (m, j) =>
        {
            var reason = $"{((List<string?>)m.Detail!).Count} of {files.Count} file(s) do not meet the condition: {string.Join(", ", (List<string?>)m.Detail!)}";
            return rule.Threshold is { } threshold
                ? LeafResult.Check(threshold.Matches(m.Value, j.Functions(null)), m, reason)
                : LeafResult.Check(m.Value == 1.0, m, reason);
        },
    };

    private static CompiledRule Uniqueness(DqRule rule, IReadOnlyList<string> files) => new()
    {
        Measure = _ =>
        {
            var hashes = files.Select(f => Hash(f, "MD5")).ToList();
            var unique = hashes.GroupBy(h => h, StringComparer.Ordinal).Count(g => g.Count() == 1);
            return Measurement.Of("Dataset.*.FileUniqueness", (double)unique / hashes.Count);
        },
        Judge = (m, j) => RuleCompiler.JudgeNumber(rule, m, j),
    };

    private static CompiledRule Match(DqRule rule, RuleCompileContext context, IReadOnlyList<string> files)
    {
        var algorithm = rule.Tag("hashAlgorithm") ?? "MD5";
        if (rule.Parameters.Count == 2)
        {
            var others = context.Files(rule.Parameters[1].Value);
            return new CompiledRule
            {
                Measure = _ => new Measurement(new Dictionary<string, double>(), null, null,
                    files.Select(f => Hash(f, algorithm)).Order(StringComparer.Ordinal).SequenceEqual(others.Select(f => Hash(f, algorithm)).Order(StringComparer.Ordinal))),
                Judge = (m, _) => LeafResult.Check((bool)m.Detail!, m, $"The files at {rule.Parameters[0].Value} do not match the files at {rule.Parameters[1].Value}."),
            };
        }

        return new CompiledRule
        {
            Measure = _ => new Measurement(new Dictionary<string, double>(), null, null, files.Select(f => Hash(f, algorithm)).ToList()),
            Judge = (m, _) =>
            {
                var condition = rule.Condition as StringCondition ?? throw new RuleEvaluationException("FileMatch needs a checksum condition, e.g. in [\"…\"].");
                var misfits = ((List<string>)m.Detail!).Where(h => !condition.Matches(h)).ToList();
                return LeafResult.Check(misfits.Count == 0, m, $"{algorithm} checksum(s) {string.Join(", ", misfits)} do not meet the constraint requirement!");
            },
        };
    }

    private static string Hash(string file, string algorithm)
    {
        using var stream = File.OpenRead(file);
        var bytes = algorithm.ToUpperInvariant() switch
        {
            "MD5" => MD5.HashData(stream),
            "SHA-1" or "SHA1" => SHA1.HashData(stream),
            "SHA-256" or "SHA256" => SHA256.HashData(stream),
            "SHA-512" or "SHA512" => SHA512.HashData(stream),
            _ => throw new RuleEvaluationException($"Unknown hashAlgorithm '{algorithm}'; use MD5, SHA-1, SHA-256 or SHA-512."),
        };
        return Convert.ToHexStringLower(bytes);
    }
}
