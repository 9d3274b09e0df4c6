using Bunit;
using GymServer.Web.Cluster.Messages;
using GymServer.Web.Components.Shared;

namespace GymServer.Tests.Unit.Dashboard;

/// <summary>The overview's cluster table: one row per node, with its capacity and whether it drains.</summary>
public sealed class ClusterNodesTests
{
    [Fact]
    public void EveryNodeHasARowWithItsCapacityAndState()
    {
        using var context = new DashboardTestContext();
        var at = DateTimeOffset.UnixEpoch;
        var table = context.Render<ClusterNodes>(parameters => parameters.Add(nodes => nodes.Nodes, new NodeSnapshot[]
        {
            new("node-a", "S127.0.0.1:11111:1", "127.0.0.1:4040", 8, 3, 5, 0, 2, 1234, false, at),
            new("node-b", "S127.0.0.1:11112:1", "127.0.0.1:4041", 8, 8, 0, 2, 0, 99, true, at),
        }));

        Assert.Contains("2 node(s)", table.Find("h2").TextContent, StringComparison.Ordinal);
        var a = table.Find("[data-cluster-node=node-a]").TextContent;
        Assert.Contains("127.0.0.1:4040", a, StringComparison.Ordinal);
        Assert.Contains("3 / 8", a, StringComparison.Ordinal);
        Assert.Contains("1,234", a, StringComparison.Ordinal);
        Assert.Contains("serving", a, StringComparison.Ordinal);
        var b = table.Find("[data-cluster-node=node-b]");
        Assert.Equal("draining", b.ClassName);
        Assert.Contains("draining", b.TextContent, StringComparison.Ordinal);
    }
}
