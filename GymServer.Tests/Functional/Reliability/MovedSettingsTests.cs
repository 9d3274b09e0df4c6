using System.Text;
using System.Text.Json;
using GymServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional.Reliability;

/// <summary>
/// The node's limits that moved from Gym:Tcp to Gym:Node still work under their old keys (over the new keys'
/// defaults in appsettings.json), and the server says once, at start, where each moved.
/// </summary>
public sealed class MovedSettingsTests
{
    [Fact]
    public async Task EachMovedSettingWorksUnderItsOldKeyAndIsLoggedOnce()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Tcp:MaxEnvsPerNode"] = "3",
            ["Gym:Tcp:MaxEnvsPerConnection"] = "2",
            ["Gym:Tcp:MaxStepsPerSecond"] = "1",
        }, logs);

        // Gym:Tcp:MaxEnvsPerConnection: two envs per connection.
        await using var first = await Protocol2.ConnectAsync(server);
        var stepped = await first.MakeAsync("CartPole-v1");
        await first.MakeAsync("CartPole-v1");
        Replies.AssertError(await first.SendAsync("make", new { id = "CartPole-v1" }), "too_many_envs", "this connection already has 2 env(s) open");

        // Gym:Tcp:MaxEnvsPerNode: three on the node.
        await using var second = await Protocol2.ConnectAsync(server);
        await second.MakeAsync("CartPole-v1");
        Replies.AssertError(await second.SendAsync("make", new { id = "CartPole-v1" }), "too_many_envs", "this server already has 3 env(s) open");

        // Gym:Tcp:MaxStepsPerSecond: a bucket of one step a second, so ten steps sent at once cannot all run.
        await first.SendAsync("reset", new { instance = stepped, seed = 1 });
        var step = JsonSerializer.Serialize(new { step = new { instance = stepped, action = 0 } });
        await first.SendRawAsync(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(step + "\n", 10))));
        var replies = new List<JsonElement>();
        for (var i = 0; i < 10; i++)
        {
            replies.Add(await first.ReadReplyAsync());
        }
        Assert.True(replies[0].TryGetProperty("observation", out _), replies[0].GetRawText());
        Assert.Contains(replies, reply => reply.TryGetProperty("error", out var error) && error.GetProperty("code").GetString() == "rate_limited");

        foreach (var (old, key) in new[] { ("Gym:Tcp:MaxEnvsPerNode", "Gym:Node:MaxEnvs"), ("Gym:Tcp:MaxEnvsPerConnection", "Gym:Node:MaxEnvsPerConnection"), ("Gym:Tcp:MaxStepsPerSecond", "Gym:Node:MaxStepsPerSecond") })
        {
            Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains($"{old} has moved to {key}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task WhereBothKeysAreGivenTogetherTheNewOneWins()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Tcp:MaxEnvsPerConnection"] = "3",
            ["Gym:Node:MaxEnvsPerConnection"] = "1",
        });
        await using var client = await Protocol2.ConnectAsync(server);
        await client.MakeAsync("CartPole-v1");
        Replies.AssertError(await client.SendAsync("make", new { id = "CartPole-v1" }), "too_many_envs", "this connection already has 1 env(s) open");
    }
}
