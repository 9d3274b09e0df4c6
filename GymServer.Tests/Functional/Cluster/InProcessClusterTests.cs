using GymServer.Web.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace GymServer.Tests.Functional.Cluster;

/// <summary>
/// Two silos in this process: two real GymServer hosts (Kestrel on loopback) joined by Orleans development
/// clustering. Every grain message crosses a real silo-to-silo connection, so a message type the serializer
/// cannot carry, or carries wrongly (an info entry's kind, a space description, a spec), fails here.
/// </summary>
[Collection(InProcessClusterTests.CollectionName)]
public sealed class InProcessClusterTests
{
    /// <summary>Its own collection, run alone: two hosts and two silos are a lot for two cores.</summary>
    public const string CollectionName = "Cluster in process";

    [Fact]
    public async Task EnvOnTheOtherSiloStepsLikeTheLocalOneInfoIncluded()
    {
        var primaryPort = TestPorts.Free();
        // least-loaded: the first env goes to A (its own snapshot comes first on a tie), the second to B, which has none.
        await using var a = GymServerFactory.With(Settings(primaryPort, primaryPort, "least-loaded"));
        await using var b = GymServerFactory.With(Settings(TestPorts.Free(), primaryPort, "local-first"));
        await WaitForNodesAsync(a, 2);

        await using var client = await Protocol2.ConnectAsync(a);
        var local = await client.MakeAsync("Taxi-v3");
        var remote = await client.MakeAsync("Taxi-v3");

        Assert.Equal(0, a.Services.GetRequiredService<HostedEnvs>().Count);
        Assert.Equal(1, b.Services.GetRequiredService<HostedEnvs>().Count);
        var localRun = await RunAsync(client, local);
        var remoteRun = await RunAsync(client, remote);
        Assert.Contains("action_mask", remoteRun[1], StringComparison.Ordinal);
        Assert.Equal(localRun, remoteRun);
        var nodes = a.Services.GetRequiredService<INodeDirectory>().Nodes;
        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, node => Assert.NotEmpty(node.Silo));

        // In a cluster every metric names its node, so one Prometheus can scrape them all.
        using var http = new HttpClient { BaseAddress = a.HttpAddress };
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains($"gymserver_steps_total{{node=\"node-{primaryPort}\"}} 60", metrics, StringComparison.Ordinal);
        // The count the "node lost" alert of deploy/ watches.
        Assert.Contains($"gymserver_cluster_nodes{{node=\"node-{primaryPort}\"}} 2", metrics, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(int siloPort, int primaryPort, string placement) => new()
    {
        ["Gym:Cluster:Enabled"] = "true",
        ["Gym:Cluster:Membership"] = "localhost",
        ["Gym:Cluster:SiloPort"] = siloPort.ToString(),
        ["Gym:Cluster:GatewayPort"] = "0",
        ["Gym:Cluster:PrimarySiloPort"] = primaryPort.ToString(),
        ["Gym:Cluster:ClusterId"] = $"inproc-{primaryPort}",
        ["Gym:Cluster:Placement"] = placement,
        ["Gym:Cluster:NodeName"] = $"node-{siloPort}",
    };

    private static async Task WaitForNodesAsync(GymServerFactory node, int count)
    {
        var directory = node.Services.GetRequiredService<INodeDirectory>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (directory.Nodes.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {directory.Nodes.Count} node(s) after 60 s");
            await Task.Delay(100);
        }
    }

    private static async Task<List<string>> RunAsync(GymTestClient client, string instance)
    {
        var replies = new List<string> { (await client.SendAsync("reset", new { instance, seed = 5 })).GetRawText() };
        for (var i = 0; i < 30; i++)
        {
            replies.Add((await client.SendAsync("step", new { instance, action = i % 6 })).GetRawText());
        }
        return replies;
    }
}

/// <summary>Runs the in-process cluster test apart from the others.</summary>
[CollectionDefinition(InProcessClusterTests.CollectionName, DisableParallelization = true)]
public sealed class InProcessClusterCollection;
