using System.Globalization;
using DataPrepWorkflows.Catalog;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>Turns a <see cref="TablePlan"/> into the catalog definitions Glue's crawler writes, parameters included.</summary>
internal static class TableDefinition
{
    /// <summary>The parameter a crawler adds to a table or partition whose data is gone (DEPRECATE_IN_DATABASE).</summary>
    public const string DeprecatedByCrawler = "DEPRECATED_BY_CRAWLER";

    public static TableInput Table(TablePlan plan, string crawlerName)
    {
        var format = Format(plan.Schema);
        var parameters = Parameters(plan.Schema, plan.ObjectCount, plan.TotalBytes, plan.Schema);
        var descriptor = format.Describe(plan.Location.ToString(), plan.Schema.Columns, IsCompressed(plan.Schema));
        parameters[TableParameters.UpdatedByCrawler] = crawlerName;
        parameters[TableParameters.CrawlerSchemaSerializerVersion] = "1.0";
        parameters[TableParameters.CrawlerSchemaDeserializerVersion] = "1.0";
        return new TableInput
        {
            Name = plan.Name,
            Owner = "owner",
            Retention = 0,
            TableType = Catalog.Table.ExternalTable,
            StorageDescriptor = descriptor with { Parameters = new Dictionary<string, string>(parameters, StringComparer.Ordinal) },
            PartitionKeys = plan.PartitionKeys,
            Parameters = parameters,
        };
    }

    public static PartitionInput Partition(TablePlan plan, PartitionPlan partition) =>
        Partition(plan.Schema, partition.Values, partition.Folder, partition.Schema ?? plan.Schema);

    /// <summary>A partition of an existing table: its columns and format are the table's, its statistics its own.</summary>
    public static PartitionInput Partition(FolderSchema table, IReadOnlyList<string> values, DataFolder folder, FolderSchema statistics)
    {
        var parameters = Parameters(table, folder.Files.Count, folder.TotalBytes, statistics);
        var descriptor = Format(table).Describe(folder.Uri.ToString(), table.Columns, IsCompressed(table));
        return new PartitionInput
        {
            Values = values,
            StorageDescriptor = descriptor with { Parameters = new Dictionary<string, string>(parameters, StringComparer.Ordinal) },
            Parameters = parameters,
        };
    }

    /// <summary>Whether the files are compressed as a whole (Parquet's inner codecs do not count, as in Glue).</summary>
    private static bool IsCompressed(FolderSchema schema) => schema.Format.Classification != FileClassification.Parquet && schema.Format.CompressionType != "none";

    public static TableFormat Format(FolderSchema schema) => schema.Format.Classification switch
    {
        FileClassification.Csv => TableFormat.Csv(schema.Csv!.Delimiter, schema.Csv.Quoted),
        FileClassification.Json => TableFormat.Json(schema.Columns.Select(c => c.Name)),
        _ => TableFormat.Parquet(),
    };

    /// <summary>The statistics and format parameters; record counts are estimated from the sample, as Glue estimates them.</summary>
    private static Dictionary<string, string> Parameters(FolderSchema schema, int objects, long bytes, FolderSchema sample)
    {
        var averageRecordSize = sample.SampledRows > 0 ? Math.Max(1, sample.SampledBytes / sample.SampledRows) : 0;
        var records = averageRecordSize > 0 ? (long)Math.Round((double)bytes / averageRecordSize) : 0;
        if (sample.SampledBytes == bytes)
        {
            records = sample.SampledRows;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TableParameters.Classification] = schema.Format.Classification,
            [TableParameters.CompressionType] = schema.Format.CompressionType,
            [TableParameters.TypeOfData] = "file",
            [TableParameters.RecordCount] = records.ToString(CultureInfo.InvariantCulture),
            [TableParameters.AverageRecordSize] = averageRecordSize.ToString(CultureInfo.InvariantCulture),
            [TableParameters.ObjectCount] = objects.ToString(CultureInfo.InvariantCulture),
            [TableParameters.SizeKey] = bytes.ToString(CultureInfo.InvariantCulture),
        };
        if (schema.Csv is { } csv)
        {
            parameters[TableParameters.Delimiter] = csv.Delimiter.ToString();
            parameters[TableParameters.ColumnsOrdered] = "true";
            parameters[TableParameters.AreColumnsQuoted] = csv.Quoted ? "true" : "false";
            if (csv.HasHeader)
            {
                parameters[TableParameters.SkipHeaderLineCount] = "1";
            }
        }

        return parameters;
    }
}
