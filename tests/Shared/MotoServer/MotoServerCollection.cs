namespace DataPrepWorkflows.Testing.MotoServer;

/// <summary>
/// Test classes marked <c>[Collection(MotoServerCollection.Name)]</c> share one moto_server for the whole test run
/// (and run one after another); use a fresh bucket/queue name per test or <see cref="MotoServerFixture.ResetAsync"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MotoServerCollection : ICollectionFixture<MotoServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "moto_server";
}
