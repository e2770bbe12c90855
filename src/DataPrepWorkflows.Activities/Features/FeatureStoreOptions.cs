namespace DataPrepWorkflows.Activities.Features;

/// <summary>Where the local feature store says it lives: the account and region in the offline-store layout.</summary>
public sealed record FeatureStoreOptions
{
    /// <summary>The AWS account id in offline-store paths. <value>Defaults to <c>000000000000</c> (the local account).</value></summary>
    public string Account { get; init; } = "000000000000";

    /// <summary>The AWS region in offline-store paths. <value>Defaults to <c>us-east-1</c>.</value></summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The clock for creation, write and API-invocation times. <value>Defaults to the system clock.</value></summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
