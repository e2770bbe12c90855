using DataPrepWorkflows.DataPlane.Datasets;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// Where and how a SQL job writes: <c>--output_path</c> (a folder ending in <c>/</c>, or a file), <c>--output_format</c>
/// (<c>parquet</c> by default, or <c>csv</c>), <c>--partition_by</c> (<c>col1,col2</c>) and <c>--write_mode</c>
/// (<c>overwrite</c>, or <c>append</c>, the default with bookmarks enabled so each run adds its new rows).
/// </summary>
internal sealed record JobOutput(string WriteUri, string Location, DatasetFormat Format, IReadOnlyList<string> PartitionBy, bool Append)
{
    public static JobOutput Decide(string output, JobArguments arguments, string jobRunId)
    {
        var format = (arguments.Find("output_format") ?? Path.GetExtension(output).TrimStart('.')).ToLowerInvariant() switch
        {
            "csv" => DatasetFormat.Csv,
            "parquet" or "" => DatasetFormat.Parquet,
            var other => throw new JobScriptException($"--output_format '{other}' is not supported; use parquet or csv."),
        };
        var partitionBy = (arguments.Find("partition_by") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var mode = arguments.Find("write_mode") ?? (arguments.Bookmark == JobArguments.BookmarkEnable ? "append" : "overwrite");
        if (mode is not ("append" or "overwrite"))
        {
            throw new JobScriptException($"--write_mode '{mode}' is not supported; use overwrite or append.");
        }

        var append = mode == "append";
        var extension = format == DatasetFormat.Csv ? ".csv" : ".parquet";
        var isFolder = output.EndsWith('/') || partitionBy.Length > 0 || Path.GetExtension(output).Length == 0;
        if (!isFolder)
        {
            return new JobOutput(output, output[..(output.LastIndexOf('/') + 1)], format, partitionBy, append);
        }

        var folder = output.EndsWith('/') ? output : output + "/";
        var file = append ? $"part-{jobRunId[^12..]}{extension}" : "part-00000" + extension;
        return new JobOutput(partitionBy.Length > 0 ? folder : folder + file, folder, format, partitionBy, append);
    }

    /// <summary>Moves staged partition files into the destination under names unique to the run.</summary>
    public static DatasetWriteResult MoveIn(DatasetWriteResult written, string staging, string destination, string jobRunId)
    {
        var moved = new List<string>(written.Files.Count);
        foreach (var file in written.Files)
        {
            var relative = Path.GetRelativePath(staging, file);
            var target = Path.Combine(destination, Path.GetDirectoryName(relative) ?? string.Empty, $"part-{jobRunId[^12..]}-{Path.GetFileName(relative)}");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target, overwrite: true);
            moved.Add(target);
        }

        Directory.Delete(staging, recursive: true);
        return written with { Path = destination, Files = moved };
    }
}
