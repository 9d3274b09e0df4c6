namespace GymServer.Tests.Functional.Cluster;

/// <summary>
/// Redis and two long-lived nodes for the cluster tests: A, where the clients connect, whose Python pool holds one
/// env (full after one make), and C, with room for two. Each test adds its own node B with room for eight, which
/// local-first placement prefers while it lives.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;

    public ClusterNodeProcess A { get; private set; } = null!;

    public ClusterNodeProcess C { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        A = ClusterNodeProcess.Start("A", Redis, maxEnvs: 1);
        C = ClusterNodeProcess.Start("C", Redis, maxEnvs: 2);
        await A.WaitUntilAsync(nodes => nodes.Length == 2, "two nodes", peers: [C]);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await C.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

/// <summary>The cluster tests start processes; one at a time keeps the 2-core machine responsive.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
