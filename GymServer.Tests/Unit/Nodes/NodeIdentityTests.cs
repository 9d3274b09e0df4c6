using GymServer.Engine.Nodes;

namespace GymServer.Tests.Unit.Nodes;

/// <summary>How a node's name and address are worked out from its settings, in the one place that does it.</summary>
public sealed class NodeIdentityTests
{
    [Fact]
    public void ASingleNodeWithoutANameIsCalledAfterItsMachine()
    {
        var node = NodeIdentity.Resolve(null, null, clustered: false, "127.0.0.1", 4040, () => null);
        Assert.Equal(Environment.MachineName, node.Name);
        Assert.Equal("127.0.0.1:4040", node.Address);
    }

    [Fact]
    public void AClusteredNodeWithoutANameAddsItsConfiguredPortWhichItKeepsOnceBound()
    {
        int? bound = null;
        var node = NodeIdentity.Resolve("", null, clustered: true, "10.0.0.7", 4041, () => bound);
        Assert.Equal($"{Environment.MachineName}:4041", node.Name);
        Assert.Equal("10.0.0.7:4041", node.Address);

        bound = 39123;

        // The address follows the listener; the name was given out (metrics label) before it bound, so it stays.
        Assert.Equal("10.0.0.7:39123", node.Address);
        Assert.Equal($"{Environment.MachineName}:4041", node.Name);
    }

    [Theory]
    [InlineData("gym-1", "older", "gym-1")]
    [InlineData(null, "older", "older")]
    [InlineData("", "older", "older")]
    public void GymNodeNameWinsOverTheClustersOlderKey(string? nodeName, string? clusterNodeName, string expected)
    {
        Assert.Equal(expected, NodeIdentity.Resolve(nodeName, clusterNodeName, clustered: true, "127.0.0.1", 0, () => null).Name);
        Assert.Equal(expected, NodeIdentity.Resolve(nodeName, clusterNodeName, clustered: false, "127.0.0.1", 0, () => null).Name);
    }
}
