namespace DataPrepWorkflows.Catalog;

/// <summary>A sort column, like Glue's <c>Order</c>.</summary>
public sealed record Order
{
    /// <summary>Column name.</summary>
    public required string Column { get; init; }

    /// <summary>1 for ascending, 0 for descending.</summary>
    public required int SortOrder { get; init; }
}
