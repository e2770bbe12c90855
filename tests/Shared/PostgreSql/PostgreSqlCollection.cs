namespace DataPrepWorkflows.Testing.PostgreSql;

/// <summary>Test classes marked <c>[Collection(PostgreSqlCollection.Name)]</c> share one throwaway cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "postgresql";
}
