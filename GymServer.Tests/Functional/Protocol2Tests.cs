using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional;

/// <summary>Protocol 2 over a real socket: the handshake and every message with its exact reply shape.</summary>
[Collection(ServerCollection.Name)]
public sealed class Protocol2Tests(GymServerFactory server)
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    [Fact]
    public async Task Protocol1IsTheDefaultAndTheHandshakeSwitchesTo2()
    {
        await using var client = await server.ConnectAsync();
        // Protocol 1: a seed gets no reply, and the next request's reply is its own.
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync("{\"env\":{\"seed\":\"3\"}}");
        Assert.True((await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}")).TryGetProperty("observation", out _));

        var handshake = await client.RequestAsync(Protocol2.Handshake);
        Assert.Equal(["protocol", "server", "gymnasium"], handshake.EnumerateObject().Select(member => member.Name));
        Assert.Equal(2, handshake.GetProperty("protocol").GetInt32());
        Assert.Matches(@"^GymServer \d+\.\d+\.\d+", handshake.GetProperty("server").GetString());
        // The Gymnasium release the native envs follow.
        Assert.Equal("1.4.0", handshake.GetProperty("gymnasium").GetString());

        // Protocol-1 commands are not protocol 2's.
        Replies.AssertError(await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}"), "unknown_command", "unknown command 'env'");
        // Asking again is answered the same; going back is refused.
        Assert.Equal(handshake.GetRawText(), (await client.RequestAsync(Protocol2.Handshake)).GetRawText());
        Replies.AssertError(await client.RequestAsync("{\"server\":{\"protocol\":1}}"), "invalid_argument", "cannot change to protocol 1");
    }

    [Fact]
    public async Task AHandshakeFor1KeepsProtocol1AndUnknownVersionsAreRefused()
    {
        await using var client = await server.ConnectAsync();
        Assert.Equal(1, (await client.RequestAsync("{\"server\":{\"protocol\":1}}")).GetProperty("protocol").GetInt32());
        Replies.AssertError(await client.RequestAsync("{\"server\":{\"protocol\":3}}"), "invalid_argument", "protocol 3");
        Replies.AssertError(await client.RequestAsync("{\"server\":{\"protocol\":\"two\"}}"), "invalid_argument", "server.protocol");
        // Still protocol 1: a close has no reply, so the next reply is the make's.
        await client.SendAsync("{\"env\":{\"action\":\"close\"}}");
        Assert.True((await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}")).TryGetProperty("instance", out _));
    }

    [Fact]
    public async Task AWaitingProtocol1ErrorIsTheHandshakesReplyAndTheHandshakeIsNotRun()
    {
        await using var client = await server.ConnectAsync();
        await client.SendAsync("{\"server\":{\"compression\":\"x\"}}");
        Replies.AssertError(await client.RequestAsync(Protocol2.Handshake), "invalid_argument", "server.compression");
        // Still protocol 1: a close gets no reply, so the next reply is the handshake's.
        await client.SendAsync("{\"env\":{\"action\":\"close\"}}");
        Assert.Equal(2, (await client.RequestAsync(Protocol2.Handshake)).GetProperty("protocol").GetInt32());
    }

    [Fact]
    public async Task TheHandshakeTurnsCompressionOffAndLinesBufferedBehindItAreProtocol2()
    {
        await using var client = await server.ConnectAsync();
        await client.SendAsync("{\"server\":{\"compression\":\"9\"}}");
        // Handshake and make in one send: the make, already read with the handshake, is run as protocol 2.
        await client.SendAsync(Protocol2.Handshake + "\r\n{\"make\":{\"id\":\"CartPole-v1\"}}");
        Assert.Equal(2, (await client.ReadReplyAsync()).GetProperty("protocol").GetInt32());
        Assert.Equal("Discrete", (await client.ReadReplyAsync()).GetProperty("action_space").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("CartPole-v1", null)]
    [InlineData("Blackjack-v1", null)]
    [InlineData("FrozenLake-v1", "{\"map_name\":\"8x8\"}")]
    public async Task MakeRepliesTheInstanceAndFullSpaceDescriptions(string id, string? kwargs)
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var arguments = kwargs is null ? $"{{\"id\":\"{id}\"}}" : $"{{\"id\":\"{id}\",\"kwargs\":{kwargs},\"render_mode\":null}}";
        var reply = await client.RequestAsync($"{{\"make\":{arguments}}}");

        Assert.Equal(["instance", "id", "backend", "observation_space", "action_space"], reply.EnumerateObject().Select(member => member.Name));
        Assert.Matches("^[0-9a-f]{13}$", reply.GetProperty("instance").GetString());
        Assert.Equal(id, reply.GetProperty("id").GetString());
        Assert.Equal("native", reply.GetProperty("backend").GetString());
        using var expected = Registry.Make(id, kwargs is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(kwargs));
        Assert.Equal(expected.ObservationSpace.DescriptionJson(), reply.GetProperty("observation_space").GetRawText());
        Assert.Equal(expected.ActionSpace.DescriptionJson(), reply.GetProperty("action_space").GetRawText());
    }

    [Fact]
    public async Task TwoEnvsOnOneConnectionFollowTheirOwnSeededTrajectories()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var first = await client.MakeAsync("CartPole-v1");
        var second = await client.MakeAsync("CartPole-v1");
        Assert.NotEqual(first, second);

        using var env3 = Registry.Make("CartPole-v1");
        using var env7 = Registry.Make("CartPole-v1");
        var obs3 = new byte[env3.ObservationSpace.ByteSize];
        var obs7 = new byte[env7.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        env3.Reset(3, null, obs3, info);
        env7.Reset(7, null, obs7, info);

        var reset3 = await client.SendAsync("reset", new { instance = first, seed = 3 });
        var reset7 = await client.SendAsync("reset", new { instance = second, seed = 7 });
        Assert.Equal(["observation", "info"], reset3.EnumerateObject().Select(member => member.Name));
        Assert.Equal(env3.ObservationSpace.ValueJson(obs3), reset3.GetProperty("observation").GetRawText());
        Assert.Equal(env7.ObservationSpace.ValueJson(obs7), reset7.GetProperty("observation").GetRawText());
        Assert.Equal("{}", reset3.GetProperty("info").GetRawText());

        // Interleaved steps: each env follows its own trajectory, exactly as Gymnasium's.
        foreach (var action in new long[] { 1, 0, 1, 1, 0, 0, 1 })
        {
            foreach (var (instance, env, obs) in new[] { (first, env3, obs3), (second, env7, obs7) })
            {
                var expected = env.Step(BitConverter.GetBytes(1 - action), obs, info);
                var step = await client.SendAsync("step", new { instance, action = 1 - action });
                Assert.Equal(["observation", "reward", "terminated", "truncated", "info"], step.EnumerateObject().Select(member => member.Name));
                Assert.Equal(env.ObservationSpace.ValueJson(obs), step.GetProperty("observation").GetRawText());
                Assert.Equal("1.0", step.GetProperty("reward").GetRawText());
                Assert.Equal(expected.Terminated, step.GetProperty("terminated").GetBoolean());
                Assert.Equal(expected.Truncated, step.GetProperty("truncated").GetBoolean());
            }
        }
    }

    [Fact]
    public async Task ResetOptionsSeedsOfAnySizeAndAnUnseededResetContinue()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = await client.MakeAsync("CartPole-v1");
        using var options = JsonDocument.Parse("{\"low\":-0.01,\"high\":0.01}");
        using var env = Registry.Make("CartPole-v1");
        var obs = new byte[env.ObservationSpace.ByteSize];
        env.Reset(5, options.RootElement, obs, new EnvInfo());
        var reply = await client.RequestAsync($"{{\"reset\":{{\"instance\":\"{instance}\",\"seed\":5,\"options\":{options.RootElement.GetRawText()}}}}}");
        Assert.Equal(env.ObservationSpace.ValueJson(obs), reply.GetProperty("observation").GetRawText());
        Assert.All(reply.GetProperty("observation").EnumerateArray(), value => Assert.InRange(value.GetDouble(), -0.01, 0.01));

        env.Reset(null, null, obs, new EnvInfo());
        var next = await client.SendAsync("reset", new { instance, seed = (int?)null });
        Assert.Equal(env.ObservationSpace.ValueJson(obs), next.GetProperty("observation").GetRawText());

        var big = System.Numerics.BigInteger.Pow(2, 100) + 1;
        env.Reset(big, null, obs, new EnvInfo());
        var bigReply = await client.RequestAsync($"{{\"reset\":{{\"instance\":\"{instance}\",\"seed\":{big}}}}}");
        Assert.Equal(env.ObservationSpace.ValueJson(obs), bigReply.GetProperty("observation").GetRawText());
    }

    [Fact]
    public async Task TruncationIsReportedApartFromTermination()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = await client.MakeAsync("MountainCar-v0");
        await client.SendAsync("reset", new { instance, seed = 0 });
        JsonElement step = default;
        // MountainCar's TimeLimit is 200 steps; pushing nowhere never reaches the flag.
        for (var i = 0; i < 200; i++)
        {
            step = await client.SendAsync("step", new { instance, action = 1 });
            Assert.False(step.GetProperty("terminated").GetBoolean());
            Assert.Equal(i == 199, step.GetProperty("truncated").GetBoolean());
        }
        Assert.Equal("-1.0", step.GetProperty("reward").GetRawText());
    }

    [Fact]
    public async Task ToyTextRewardsAreIntegersAndInfoIsTheEnvs()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var instance = await client.MakeAsync("FrozenLake-v1");
        var reset = await client.SendAsync("reset", new { instance, seed = 1 });
        Assert.Equal("{\"prob\":1}", reset.GetProperty("info").GetRawText());
        var step = await client.SendAsync("step", new { instance, action = 2 });
        Assert.Equal("0", step.GetProperty("reward").GetRawText());
        Assert.True(step.GetProperty("info").TryGetProperty("prob", out _));

        // Taxi's prob is a Python float even when it is 1.0: the info keeps the kind Gymnasium returned.
        var taxi = await client.MakeAsync("Taxi-v4");
        var taxiReset = await client.SendAsync("reset", new { instance = taxi, seed = 0 });
        Assert.Equal("{\"prob\":1.0,\"action_mask\":[1,1,0,0,0,0]}", taxiReset.GetProperty("info").GetRawText());
    }

    [Fact]
    public async Task SampleGivesAnActionOfTheSpace()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var discrete = await client.MakeAsync("CartPole-v1");
        var box = await client.MakeAsync("Pendulum-v1");
        var seen = new HashSet<long>();
        for (var i = 0; i < 40; i++)
        {
            var sample = await client.SendAsync("sample", new { instance = discrete });
            Assert.Equal(["sample"], sample.EnumerateObject().Select(member => member.Name));
            seen.Add(sample.GetProperty("sample").GetInt64());
        }
        Assert.Equal([0L, 1L], seen.Order());
        var torque = (await client.SendAsync("sample", new { instance = box })).GetProperty("sample");
        Assert.Equal(1, torque.GetArrayLength());
        Assert.InRange(torque[0].GetDouble(), -2.0, 2.0);
    }

    [Fact]
    public async Task CloseOneThenAllAndTheConnectionStaysOpen()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var first = await client.MakeAsync("CartPole-v1");
        var second = await client.MakeAsync("Acrobot-v1");
        var third = await client.MakeAsync("Taxi-v3");

        Protocol2.AssertOk(await client.SendAsync("close", new { instance = first }));
        Replies.AssertError(await client.SendAsync("reset", new { instance = first }), "unknown_instance", first);
        Assert.True((await client.SendAsync("reset", new { instance = second })).TryGetProperty("observation", out _));

        Protocol2.AssertOk(await client.SendAsync("close", new { all = true }));
        Replies.AssertError(await client.SendAsync("sample", new { instance = second }), "unknown_instance", second);
        Replies.AssertError(await client.SendAsync("sample", new { instance = third }), "unknown_instance", third);
        Protocol2.AssertOk(await client.SendAsync("close", new { all = true }));
        Assert.Matches("^[0-9a-f]{13}$", await client.MakeAsync("CartPole-v1"));
    }

    [Fact]
    public async Task ListEnvsGivesEveryRegisteredIdWithItsSpaces()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var reply = await client.SendAsync("list_envs", new { });
        var envs = reply.GetProperty("envs").EnumerateArray().ToList();
        Assert.Equal(Registry.Ids.Order(StringComparer.Ordinal), envs.Select(env => env.GetProperty("id").GetString()!));
        Assert.False(reply.TryGetProperty("unavailable", out _), "every native id can be made: no unavailable member");
        foreach (var entry in envs)
        {
            using var env = Registry.Make(entry.GetProperty("id").GetString()!);
            Assert.Equal("native", entry.GetProperty("backend").GetString());
            Assert.Equal(env.ObservationSpace.DescriptionJson(), entry.GetProperty("observation_space").GetRawText());
            Assert.Equal(env.ActionSpace.DescriptionJson(), entry.GetProperty("action_space").GetRawText());
        }
    }

    [Fact]
    public async Task ListEnvsNamesTheGymnasiumReleaseOfEachNativeEnvAndMarksTaxiV3Deprecated()
    {
        await using var client = await Protocol2.ConnectAsync(server);
        var envs = (await client.SendAsync("list_envs", new { })).GetProperty("envs").EnumerateArray()
            .ToDictionary(env => env.GetProperty("id").GetString()!);

        var taxi3 = envs["Taxi-v3"];
        Assert.Equal("1.2.2", taxi3.GetProperty("gymnasium").GetString());
        Assert.Equal("Taxi-v4", taxi3.GetProperty("deprecated_by").GetString());
        var others = envs.Values.Where(env => env.GetProperty("id").GetString() != "Taxi-v3").ToList();
        Assert.Contains(others, env => env.GetProperty("id").GetString() == "Taxi-v4");
        Assert.All(others, env =>
        {
            Assert.Equal("1.4.0", env.GetProperty("gymnasium").GetString());
            Assert.False(env.TryGetProperty("deprecated_by", out _), env.GetRawText());
        });
    }
}
