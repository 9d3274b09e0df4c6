namespace GymServer.Tests.Functional;

/// <summary>Functional tests that share one server with the default configuration.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<GymServerFactory>
{
    public const string Name = "GymServer";
}
