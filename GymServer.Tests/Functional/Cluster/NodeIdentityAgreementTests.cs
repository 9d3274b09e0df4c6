using System.Net.Http.Json;
using System.Text.Json;
using GymServer.Engine.Recording;
using GymServer.Web.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace GymServer.Tests.Functional.Cluster;

/// <summary>
/// One clustered node, one name: the metadata of an episode it records, its metrics' node label, its dashboard
/// snapshot and its entry in the cluster directory (and its Orleans silo) all call it the same.
/// </summary>
[Collection(InProcessClusterTests.CollectionName)]
public sealed class NodeIdentityAgreementTests
{
    [Fact]
    public Task WithoutANameEveryoneUsesTheMachineNameAndTcpPort()
    {
        var tcpPort = TestPorts.Free();
        return AssertAllSayAsync(new() { ["Gym:Tcp:Port"] = tcpPort.ToString() }, $"{Environment.MachineName}:{tcpPort}");
    }

    [Fact]
    public Task WithANameEveryoneUsesItOverTheClustersOlderKey() =>
        AssertAllSayAsync(new() { ["Gym:Node:Name"] = "gym-7", ["Gym:Cluster:NodeName"] = "older-key" }, "gym-7");

    private static async Task AssertAllSayAsync(Dictionary<string, string?> settings, string expected)
    {
        var siloPort = TestPorts.Free();
        settings["Gym:Cluster:Enabled"] = "true";
        settings["Gym:Cluster:Membership"] = "localhost";
        settings["Gym:Cluster:SiloPort"] = siloPort.ToString();
        settings["Gym:Cluster:GatewayPort"] = "0";
        settings["Gym:Cluster:ClusterId"] = $"identity-{siloPort}";
        await using var server = GymServerFactory.With(settings);
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = await client.MakeAsync("CartPole-v1");
        await client.SendAsync("record", new { instance, video = "every:1" });
        await client.SendAsync("reset", new { instance, seed = 1 });
        while (!(await client.SendAsync("step", new { instance, action = 1 })).GetProperty("terminated").GetBoolean())
        {
        }
        await server.Services.GetRequiredService<MediaRecorder>().IdleAsync();
        using var http = new HttpClient { BaseAddress = server.HttpAddress };

        var metadata = EpisodeMetadata.Read(File.ReadAllBytes(
            Path.Combine(server.Services.GetRequiredService<MediaLibrary>().Root, instance, "episode-000000.json")));
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var snapshot = server.Services.GetRequiredService<NodeSnapshotSource>().Capture();
        var directory = await http.GetFromJsonAsync<JsonElement[]>(new Uri("/cluster/nodes", UriKind.Relative));

        Assert.Equal(expected, metadata.Node);
        Assert.Contains($"gymserver_steps_total{{node=\"{expected}\"}}", metrics, StringComparison.Ordinal);
        Assert.Equal(expected, snapshot.Node);
        Assert.Equal(expected, directory![0].GetProperty("name").GetString());
        Assert.Equal(expected, server.Services.GetRequiredService<ILocalSiloDetails>().Name);
    }
}
