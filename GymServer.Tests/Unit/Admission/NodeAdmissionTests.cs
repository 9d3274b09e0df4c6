using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Nodes;

namespace GymServer.Tests.Unit.Admission;

/// <summary>The node's quota and its clients' shares: what is refused, in whose words, and what a refusal takes.</summary>
public sealed class NodeAdmissionTests
{
    [Fact]
    public void AConnectionIsHeldToItsOwnLimitAndTheNodesQuota()
    {
        var node = new NodeAdmission(new NodeOptions { MaxEnvs = 5, MaxEnvsPerConnection = 2 });
        var first = node.ForConnection();
        var second = node.ForConnection();
        first.Admit(1);
        first.Admit(3);
        var connectionFull = Assert.Throws<EnvException>(() => first.Admit(1));
        Assert.Equal("too_many_envs", connectionFull.Code);
        Assert.Equal("this connection already has 2 env(s) open, the most it may (close one first)", connectionFull.Message);

        // A vector env of three took three of the node's five places: one is left.
        second.Admit(1);
        var nodeFull = Assert.Throws<EnvException>(() => second.Admit(1));
        Assert.Equal("this server already has 5 env(s) open, the most it may (5); try again later", nodeFull.Message);
        // A refused admission takes nothing.
        Assert.Equal(5, node.Count);
        Assert.Equal(1, second.Open);

        first.Release(3);
        second.Admit(2);
        Assert.Equal(4, node.Count);
    }

    [Fact]
    public void OtherClientsAndHostedEnvsShareTheQuota()
    {
        var node = new NodeAdmission(new NodeOptions { MaxEnvs = 2 });
        var rest = node.ForClient(10, static (_, max) => $"at most {max} over REST");
        rest.Admit(1);
        node.Admit(1);
        Assert.Equal("too_many_envs", Assert.Throws<EnvException>(() => rest.Admit(1)).Code);
        node.Release(1);
        rest.Admit(1);

        var small = node.ForClient(1, static (_, max) => $"at most {max} over REST");
        node.Release(2);
        small.Admit(1);
        Assert.Equal("at most 1 over REST", Assert.Throws<EnvException>(() => small.Admit(1)).Message);
    }

    [Fact]
    public void NoQuotaMeansNoNodeLimit()
    {
        var node = new NodeAdmission(new NodeOptions { MaxEnvsPerConnection = 1000 });
        var connection = node.ForConnection();
        for (var i = 0; i < 1000; i++)
        {
            connection.Admit(100);
        }
        Assert.Equal(100_000, node.Count);
        Assert.Null(connection.Steps);
    }
}
