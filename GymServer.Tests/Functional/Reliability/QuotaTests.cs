using System.Net;
using System.Text;
using System.Text.Json;
using GymServer.Tests.Functional.Rest;

namespace GymServer.Tests.Functional.Reliability;

/// <summary>
/// Gym:Node:MaxStepsPerSecond and Gym:Node:MaxEnvs, each on a server of its own; the node's quota counts the REST API's
/// envs as it counts every connection's. (The same settings under their old Gym:Tcp keys: MovedSettingsTests.)
/// </summary>
public sealed class QuotaTests
{
    [Fact]
    public async Task StepsPastTheRateAreRefusedOnlyOnThatConnection()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Node:MaxStepsPerSecond"] = "5" });
        await using var fast = await server.ConnectAsync();
        await fast.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await fast.SendAsync("{\"env\":{\"seed\":\"1\"}}");
        await fast.RequestAsync("{\"env\":{\"action\":\"reset\"}}");

        // 60 steps sent at once: the bucket holds 5, and refills at 5 a second, far slower than they are handled.
        const int Steps = 60;
        var burst = new StringBuilder();
        for (var i = 0; i < Steps; i++)
        {
            burst.Append("{\"step\":{\"action\":0,\"render\":0}}\r\n");
        }
        await fast.SendRawAsync(Encoding.ASCII.GetBytes(burst.ToString()));
        var replies = new List<JsonElement>();
        for (var i = 0; i < Steps; i++)
        {
            replies.Add(await fast.ReadReplyAsync());
        }
        Assert.All(replies.Take(5), reply => Assert.True(reply.TryGetProperty("observation", out _), reply.GetRawText()));
        var limited = replies.Where(reply => reply.TryGetProperty("error", out _)).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, reply => Replies.AssertError(reply, "rate_limited", "steps per second"));
        // Every reply is a step or rate_limited: nothing else went wrong, and the connection goes on.
        Assert.Equal(Steps, replies.Count(reply => reply.TryGetProperty("observation", out _)) + limited.Count);
        Assert.True((await fast.RequestAsync("{\"env\":{\"action\":\"actionspace\"}}")).TryGetProperty("info", out _));

        // Another connection has a bucket of its own.
        await using var other = await server.ConnectAsync();
        await other.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await other.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        Assert.True((await other.RequestAsync("{\"step\":{\"action\":1,\"render\":0}}")).TryGetProperty("observation", out _));
    }

    [Fact]
    public async Task ThePerNodeEnvLimitCountsEveryConnectionsEnvs()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Node:MaxEnvs"] = "4" });
        await using var first = await Protocol2.ConnectAsync(server);
        await using var second = await Protocol2.ConnectAsync(server);
        var a = await first.MakeAsync("CartPole-v1");
        await first.MakeAsync("Pendulum-v1");
        // A vector env of two takes the last two places.
        Assert.True((await second.SendAsync("make_vec", new { id = "CartPole-v1", num_envs = 2 })).TryGetProperty("instance", out _));

        Replies.AssertError(await second.SendAsync("make", new { id = "CartPole-v1" }), "too_many_envs", "this server already has 4 env(s) open");
        Replies.AssertError(await second.SendAsync("make_vec", new { id = "CartPole-v1", num_envs = 1 }), "too_many_envs", "(4)");
        // A refused make takes nothing: after one close there is room for exactly one.
        Protocol2.AssertOk(await first.SendAsync("close", new { instance = a }));
        await second.MakeAsync("Acrobot-v1");
        Replies.AssertError(await first.SendAsync("make", new { id = "CartPole-v1" }), "too_many_envs", "already has 4");

        // A connection that ends gives its places back.
        await second.DisposeAsync();
        await using var third = await Protocol2.ConnectAsync(server);
        // The server frees the places once it has seen the close: wait by making until it works, bounded.
        string? made = null;
        for (var attempt = 0; attempt < 1000 && made is null; attempt++)
        {
            var reply = await third.SendAsync("make", new { id = "CartPole-v1" });
            made = reply.TryGetProperty("instance", out var instance) ? instance.GetString() : null;
        }
        Assert.NotNull(made);
    }

    [Fact]
    public async Task ARestEnvCountsAgainstTheNodeQuota()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Node:MaxEnvs"] = "2" });
        using var rest = new RestTestClient(server.HttpAddress);
        await using var tcp = await Protocol2.ConnectAsync(server);
        var overRest = await rest.CreateAsync("CartPole-v1");
        await tcp.MakeAsync("CartPole-v1");

        // The node holds two envs, one made over REST: neither side may make a third.
        Replies.AssertError(await tcp.SendAsync("make", new { id = "CartPole-v1" }), "too_many_envs", "this server already has 2 env(s) open");
        var (status, body) = await rest.PostAsync("/v1/envs/", new { env_id = "CartPole-v1" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("this server already has 2 env(s) open", body.GetProperty("message").GetString());

        // Closing the REST env gives its place back to the node.
        await rest.PostAsync($"/v1/envs/{overRest}/close/");
        await tcp.MakeAsync("CartPole-v1");
    }
}
