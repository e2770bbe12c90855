namespace DataPrepWorkflows.Catalog;

/// <summary>Why one partition of a batch was not created, like Glue's <c>PartitionError</c>.</summary>
public sealed record PartitionError
{
    /// <summary>The values of the partition that failed.</summary>
    public required IReadOnlyList<string> PartitionValues { get; init; }

    /// <summary>The error.</summary>
    public required ErrorDetail ErrorDetail { get; init; }
}

/// <summary>An error code and message, like Glue's <c>ErrorDetail</c>.</summary>
public sealed record ErrorDetail
{
    /// <summary>A code from <see cref="CatalogErrorCodes"/>.</summary>
    public required string ErrorCode { get; init; }

    /// <summary>What went wrong.</summary>
    public required string ErrorMessage { get; init; }
}
