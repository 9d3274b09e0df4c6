using System.Collections.Concurrent;
using System.Text.Json;
using GymServer.Web.Dashboard;
using Microsoft.AspNetCore.SignalR.Client;

namespace GymServer.Tests.Functional.Dashboard;

/// <summary>/hubs/stats with a real SignalR client: batched episode ends and node snapshots.</summary>
public sealed class StatsHubTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AClientGetsEveryEpisodeEndInBatchesAndSnapshots()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Cluster:NodeName"] = "hub-node" });
        var batches = new ConcurrentQueue<JsonElement>();
        var snapshots = new ConcurrentQueue<JsonElement>();
        var received = new SemaphoreSlim(0);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(server.HttpAddress, DashboardExtensions.HubPath)).Build();
        hub.On<JsonElement>(StatsBroadcaster.EpisodesMessage, batch =>
        {
            batches.Enqueue(batch);
            received.Release();
        });
        hub.On<JsonElement>(StatsBroadcaster.SnapshotMessage, snapshot =>
        {
            snapshots.Enqueue(snapshot);
            received.Release();
        });
        await hub.StartAsync();

        const int Episodes = 40;
        await using var agent = await CartPoleAgent.StartAsync(server.TcpPort);
        await agent.PlayAsync(Episodes);

        using var deadline = new CancellationTokenSource(Deadline);
        while (EpisodesOf(batches, agent.Instance).Count < Episodes || !snapshots.Any(snapshot => Episodes <= snapshot.GetProperty("episodes").GetInt64()))
        {
            await received.WaitAsync(deadline.Token);
        }

        var episodes = EpisodesOf(batches, agent.Instance);
        Assert.Equal(Enumerable.Range(0, Episodes).Select(i => (long)i), episodes.Select(episode => episode.GetProperty("episode").GetInt64()));
        var first = episodes[0];
        Assert.Equal("CartPole-v1", first.GetProperty("envId").GetString());
        Assert.Equal("native", first.GetProperty("backend").GetString());
        Assert.Equal(first.GetProperty("length").GetInt64(), first.GetProperty("return").GetDouble());
        Assert.All(batches, batch => Assert.Equal("hub-node", batch.GetProperty("node").GetString()));
        Assert.All(batches, batch => Assert.Equal(0, batch.GetProperty("dropped").GetInt64()));
        // Batched: a message per flush, not per episode (40 episodes of ~10 steps take longer than one flush
        // interval only on a very slow machine, and even then far fewer messages than episodes arrive).
        Assert.True(batches.Count < Episodes, $"{batches.Count} batches for {Episodes} episodes");

        var snapshot = snapshots.Last();
        Assert.Equal("hub-node", snapshot.GetProperty("node").GetString());
        Assert.Equal(agent.Steps, snapshot.GetProperty("steps").GetInt64());
        Assert.Equal(1, snapshot.GetProperty("envsByBackend").GetProperty("native").GetInt64());
        Assert.Equal("Disabled", snapshot.GetProperty("python").GetProperty("state").GetString());
    }

    [Fact]
    public async Task ANewClientGetsTheLatestSnapshotAtOnce()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>());
        var first = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(server.HttpAddress, DashboardExtensions.HubPath)).Build();
        hub.On<JsonElement>(StatsBroadcaster.SnapshotMessage, snapshot => first.TrySetResult(snapshot));
        await hub.StartAsync();
        var snapshot = await first.Task.WaitAsync(Deadline);
        Assert.True(snapshot.GetProperty("uptime").ValueKind == JsonValueKind.String);
        Assert.Equal(0, snapshot.GetProperty("connections").GetInt64());
    }

    private static List<JsonElement> EpisodesOf(IEnumerable<JsonElement> batches, string instance) =>
        [.. batches.SelectMany(batch => batch.GetProperty("episodes").EnumerateArray())
            .Where(episode => episode.GetProperty("instanceId").GetString() == instance)];
}
