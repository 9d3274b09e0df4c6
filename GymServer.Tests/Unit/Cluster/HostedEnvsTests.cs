using GymServer.Engine.Admission;
using GymServer.Engine.Environments;
using GymServer.Engine.Nodes;
using GymServer.Engine.Sessions;
using GymServer.Web.Cluster;
using GymServer.Web.Cluster.Messages;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymServer.Tests.Unit.Cluster;

/// <summary>The envs a node hosts for other nodes take places of its own quota, as its clients' envs do.</summary>
public sealed class HostedEnvsTests
{
    [Fact]
    public async Task HostedEnvsCountAgainstTheNodeQuota()
    {
        var node = new NodeAdmission(new NodeOptions { MaxEnvs = 2 });
        var catalog = new EnvCatalog([new NativeEnvProvider(NativeEnvironments.CreateRegistry())]);
        await using var hosted = new HostedEnvs(catalog, node, NullLogger<HostedEnvs>.Instance);
        // One place taken by a client of this node, one by a hosted env: the node is full.
        var client = node.ForConnection();
        client.Admit(1);
        var made = await hosted.MakeAsync(Request());
        Assert.Null(made.Error);
        Assert.Equal(2, node.Count);

        var refused = await hosted.MakeAsync(Request());
        Assert.Equal("too_many_envs", refused.Error?.Code);
        Assert.Equal(1, hosted.Count);

        // Closing the hosted env gives its place back.
        await hosted.CloseAsync(made.Handle);
        Assert.Equal(1, node.Count);
        Assert.Null((await hosted.MakeAsync(Request())).Error);
    }

    private static RemoteMakeRequest Request() => new("native:CartPole-v1", null, null, "127.0.0.1:11112@1");
}
