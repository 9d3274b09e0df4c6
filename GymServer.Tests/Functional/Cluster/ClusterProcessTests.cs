using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace GymServer.Tests.Functional.Cluster;

/// <summary>
/// Several GymServer processes as one cluster on loopback, Redis membership: an env placed on another node when the
/// client's node is full, stepped exactly as a local one and recorded on video like one; node_lost when that node is
/// killed or stops.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterProcessTests(ClusterFixture cluster)
{
    private const string EnvId = "python:CartPole-v1";

    /// <summary>The deadline the issue sets for node_lost after a node dies.</summary>
    private static readonly TimeSpan NodeLostDeadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task EnvGoesToAnotherNodeWhenThisOneIsFullAndStepsLikeALocalOne()
    {
        await using var b = await StartNodeBAsync();
        await using var client = await ConnectToAAsync();

        var local = await client.MakeAsync(EnvId);
        var remote = await client.MakeAsync(EnvId);

        Assert.Equal(1, (await b.SelfAsync()).GetProperty("hosted_envs").GetInt32());
        Assert.Equal(0, (await cluster.A.SelfAsync()).GetProperty("python_free").GetInt32());
        var localRun = await RunAsync(client, local, seed: 123);
        var remoteRun = await RunAsync(client, remote, seed: 123);
        Assert.Equal(localRun, remoteRun);
        Assert.NotEqual(localRun, await RunAsync(client, remote, seed: 124));

        Protocol2.AssertOk(await client.SendAsync("close", new { instance = remote }));
        Assert.Equal(0, (await b.SelfAsync()).GetProperty("hosted_envs").GetInt32());
    }

    [Fact]
    public async Task AnEnvOnAnotherNodeRecordsAVideo()
    {
        await using var b = await StartNodeBAsync();
        await using var client = await ConnectToAAsync();
        await client.MakeAsync(EnvId);
        var remote = await client.MakeAsync(EnvId);
        Assert.Equal(1, (await b.SelfAsync()).GetProperty("hosted_envs").GetInt32());

        // Made without render_mode: the record request has B make it again with rgb_array before the reset.
        var record = await client.SendAsync("record", new { instance = remote, video = "every:1" });
        Assert.Equal($"{remote}/", record.GetProperty("url").GetString());
        await client.SendAsync("reset", new { instance = remote, seed = 9 });
        var steps = 0;
        JsonElement step;
        do
        {
            step = await client.SendAsync("step", new { instance = remote, action = 1 });
            steps++;
        }
        while (!step.GetProperty("terminated").GetBoolean() && !step.GetProperty("truncated").GetBoolean());

        // The video is made and served by A, where the client asked for it, from frames B rendered.
        using var metadata = JsonDocument.Parse(await cluster.A.WaitForMediaAsync(remote, "episode-000000.json"));
        Assert.Equal("complete", metadata.RootElement.GetProperty("status").GetString());
        Assert.Equal(steps + 1, metadata.RootElement.GetProperty("frames").GetInt64());
        Assert.Equal(cluster.A.Name, metadata.RootElement.GetProperty("node").GetString());
        var probe = await Recording.Ffprobe.ProbeAsync(Path.Combine(cluster.A.MediaRoot, remote, "episode-000000.mp4"));
        Assert.Equal(new Recording.Ffprobe("h264", "yuv420p", 60, 40, steps + 1), probe);
    }

    [Fact]
    public async Task KilledNodeGivesItsRemoteSessionsNodeLostAndNewEnvsGoToTheSurvivors()
    {
        await using var b = await StartNodeBAsync();
        await using var client = await ConnectToAAsync();
        var local = await client.MakeAsync(EnvId);
        var remote = await client.MakeAsync(EnvId);
        await client.SendAsync("reset", new { instance = remote, seed = 1 });
        Assert.Equal(1, (await b.SelfAsync()).GetProperty("hosted_envs").GetInt32());

        await b.KillAsync();
        var reply = await client.SendAsync("step", new { instance = remote, action = 1 }).WaitAsync(NodeLostDeadline);

        Assert.Equal("node_lost", ErrorCode(reply));
        // Nothing else is disturbed: the local env of the same connection still steps.
        await client.SendAsync("reset", new { instance = local, seed = 1 });
        Assert.True((await client.SendAsync("step", new { instance = local, action = 1 })).TryGetProperty("observation", out _));
        // A is still full; a new session's env lands on the surviving node C.
        await using var second = await ConnectToAAsync();
        var placed = await second.MakeAsync(EnvId);
        Assert.Equal(1, (await cluster.C.SelfAsync()).GetProperty("hosted_envs").GetInt32());
        await second.SendAsync("reset", new { instance = placed, seed = 2 });
        Assert.True((await second.SendAsync("step", new { instance = placed, action = 0 })).TryGetProperty("observation", out _));
        // Membership declares B dead: it leaves A's directory.
        await cluster.A.WaitUntilAsync(nodes => !nodes.Any(node => Is(node, b)), "B declared dead", seconds: 30);
    }

    [Fact]
    public async Task GracefulStopDrainsAndTellsTheRemoteSessions()
    {
        await using var b = await StartNodeBAsync();
        await using var client = await ConnectToAAsync();
        await client.MakeAsync(EnvId);
        var remote = await client.MakeAsync(EnvId);
        await client.SendAsync("reset", new { instance = remote, seed = 3 });

        await b.TerminateAsync();

        Assert.Equal(0, b.ExitCode);
        Assert.Contains("Draining: telling 1 node(s) and closing 1 hosted env(s)", b.Log, StringComparison.Ordinal);
        var reply = await client.SendAsync("step", new { instance = remote, action = 1 }).WaitAsync(NodeLostDeadline);
        Assert.Equal("node_lost", ErrorCode(reply));
        Assert.Contains("shutting down", reply.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvsHostedForANodeThatDiesAreClosed()
    {
        await using var b = await StartNodeBAsync();
        await using var e = ClusterNodeProcess.Start("E", cluster.Redis, maxEnvs: 1);
        await e.WaitUntilAsync(nodes => nodes.Any(node => Is(node, b) && node.GetProperty("python_free").GetInt32() == 8), "B in E's directory");
        var client = await e.ConnectAsync();
        await client.RequestAsync(Protocol2.Handshake);
        await client.MakeAsync(EnvId);
        await client.MakeAsync(EnvId);
        Assert.Equal(1, (await b.SelfAsync()).GetProperty("hosted_envs").GetInt32());

        await e.KillAsync();

        // Once membership declares E dead, B closes the env it hosted for E's session, and its Python slot is free.
        await b.WaitUntilAsync(
            nodes => nodes[0].GetProperty("hosted_envs").GetInt32() == 0 && nodes[0].GetProperty("python_free").GetInt32() == 8,
            "the env hosted for E closed", seconds: 30);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task NodeThatCannotBindItsTcpPortNeverJoins()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var d = ClusterNodeProcess.Start(
            "D", cluster.Redis, maxEnvs: 1, $"--Gym:Tcp:Port={port}", "--Logging:LogLevel:Orleans.Hosting.SiloHostedService=Information");

        await d.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, d.ExitCode);
        Assert.Contains("address already in use", d.Log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Starting Orleans Silo", d.Log, StringComparison.Ordinal);
    }

    private async Task<ClusterNodeProcess> StartNodeBAsync()
    {
        var b = ClusterNodeProcess.Start("B", cluster.Redis, maxEnvs: 8);
        // A must know this B's room (a previous test's B may linger in its directory until declared dead: told
        // apart by TCP port), and have its own slot free again (a previous test's env closes asynchronously).
        await cluster.A.WaitUntilAsync(
            nodes => nodes[0].GetProperty("python_free").GetInt32() == 1
                && nodes.Any(node => Is(node, b) && node.GetProperty("python_free").GetInt32() == 8)
                && nodes.Any(node => Name(node) == "C" && node.GetProperty("hosted_envs").GetInt32() == 0),
            "B with room for 8 envs and A with one free slot",
            peers: [b]);
        return b;
    }

    private async Task<GymTestClient> ConnectToAAsync()
    {
        var client = await cluster.A.ConnectAsync();
        Assert.Equal(2, (await client.RequestAsync(Protocol2.Handshake)).GetProperty("protocol").GetInt32());
        return client;
    }

    /// <summary>Reset with a seed, then 40 steps of a fixed action pattern (resetting at episode ends): every reply's text.</summary>
    private static async Task<List<string>> RunAsync(GymTestClient client, string instance, int seed)
    {
        var replies = new List<string> { (await client.SendAsync("reset", new { instance, seed })).GetRawText() };
        for (var i = 0; i < 40; i++)
        {
            var step = await client.SendAsync("step", new { instance, action = i % 3 == 0 ? 0 : 1 });
            replies.Add(step.GetRawText());
            if (step.GetProperty("terminated").GetBoolean() || step.GetProperty("truncated").GetBoolean())
            {
                replies.Add((await client.SendAsync("reset", new { instance })).GetRawText());
            }
        }
        return replies;
    }

    private static string? Name(JsonElement node) => node.GetProperty("name").GetString();

    private static bool Is(JsonElement node, ClusterNodeProcess process) =>
        node.GetProperty("tcp_endpoint").GetString()!.EndsWith($":{process.TcpPort}", StringComparison.Ordinal);

    private static string? ErrorCode(JsonElement reply) =>
        reply.TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() : $"no error: {reply.GetRawText()}";
}
