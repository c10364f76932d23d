using Greenlight.Testing.Postgres;
namespace Greenlight.Store.Tests.Postgres;

/// <summary>Every test class in this collection shares one <see cref="PostgresCluster"/>, started once.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
