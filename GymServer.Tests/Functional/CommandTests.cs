using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional;

/// <summary>Every protocol-1 command over a real socket, with its exact reply shape.</summary>
[Collection(ServerCollection.Name)]
public sealed class CommandTests(GymServerFactory server)
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    [Fact]
    public async Task SeededResetMatchesGymnasiumBitForBit()
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync("{\"env\":{\"seed\":\"3\"}}");
        var reset = await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");

        using var env = Registry.Make("CartPole-v1");
        var expected = new byte[env.ObservationSpace.ByteSize];
        env.Reset(3, null, expected, new EnvInfo());
        AssertObservation(expected, reset.GetProperty("observation"));

        // Steps follow the same trajectory: each float32 read back from the text has the env's exact bits.
        var info = new EnvInfo();
        foreach (var action in new[] { 0, 1, 1, 0, 1 })
        {
            var step = await client.RequestAsync($"{{\"step\":{{\"action\":{action},\"render\":0}}}}");
            var result = env.Step(BitConverter.GetBytes((long)action), expected, info);
            AssertObservation(expected, step.GetProperty("observation"));
            Assert.Equal(result.Reward, step.GetProperty("reward").GetDouble());
            Assert.Equal(result.Done, step.GetProperty("done").GetBoolean());
            Assert.Equal("{}", step.GetProperty("info").GetRawText());
        }
    }

    [Fact]
    public async Task SeedAppliesToTheNextResetOnly()
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync("{\"env\":{\"seed\":\"42\"}}");
        var first = await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        var second = await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        await client.SendAsync("{\"env\":{\"seed\":42}}");
        var third = await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");

        Assert.Equal(first.GetRawText(), third.GetRawText());
        Assert.NotEqual(first.GetRawText(), second.GetRawText());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("[1]")]
    [InlineData("\"1\"")]
    [InlineData("\"[1]\"")]
    [InlineData("1.0")]
    public async Task DiscreteActionsInEveryFormTheClientsSend(string action)
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync("{\"env\":{\"seed\":\"0\"}}");
        await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        var step = await client.RequestAsync($"{{\"step\":{{\"action\":{action}}}}}");

        using var env = Registry.Make("CartPole-v1");
        var expected = new byte[env.ObservationSpace.ByteSize];
        env.Reset(0, null, expected, new EnvInfo());
        env.Step(BitConverter.GetBytes(1L), expected, new EnvInfo());
        AssertObservation(expected, step.GetProperty("observation"));
    }

    [Theory]
    [InlineData("[0.5]")]
    [InlineData("0.5")]
    [InlineData("\"[0.5]\"")]
    [InlineData("[[0.5]]")]
    public async Task BoxActionsAsListsNumbersOrStrings(string action)
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"MountainCarContinuous-v0\"}}");
        await client.SendAsync("{\"env\":{\"seed\":\"5\"}}");
        await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        var step = await client.RequestAsync($"{{\"step\":{{\"action\":{action},\"render\":1}}}}");

        using var env = Registry.Make("MountainCarContinuous-v0");
        var expected = new byte[env.ObservationSpace.ByteSize];
        env.Reset(5, null, expected, new EnvInfo());
        var result = env.Step(BitConverter.GetBytes(0.5f), expected, new EnvInfo());
        AssertObservation(expected, step.GetProperty("observation"));
        Assert.Equal(result.Reward, step.GetProperty("reward").GetDouble());
    }

    [Fact]
    public async Task SpaceDescriptionsOfABoxAction()
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"native:Pendulum-v1\"}}");
        var action = await client.RequestAsync("{\"env\":{\"action\":\"actionspace\"}}");
        Assert.Equal("{\"info\":{\"name\":\"Box\",\"shape\":[1],\"low\":[-2.0],\"high\":[2.0]}}", action.GetRawText());
        var observation = await client.RequestAsync("{\"env\":{\"action\":\"observationspace\"}}");
        Assert.Equal("{\"info\":{\"name\":\"Box\",\"shape\":[3],\"low\":[-1.0,-1.0,-8.0],\"high\":[1.0,1.0,8.0]}}", observation.GetRawText());
        var sample = await client.RequestAsync("{\"env\":{\"actionspace\":\"sample\"}}");
        Assert.Equal(JsonValueKind.Array, sample.GetProperty("sample").ValueKind);
    }

    [Fact]
    public async Task MakingAnotherEnvClosesThePreviousAndTurnsCompressionOff()
    {
        await using var client = await server.ConnectAsync();
        var first = await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync("{\"server\":{\"compression\":\"6\"}}");
        var second = await client.RequestAsync("{\"env\":{\"name\":\"MountainCar-v0\"}}");
        Assert.NotEqual(first.GetProperty("instance").GetString(), second.GetProperty("instance").GetString());
        var space = await client.RequestAsync("{\"env\":{\"action\":\"actionspace\"}}");
        Assert.Equal("{\"info\":{\"name\":\"Discrete\",\"n\":3}}", space.GetRawText());
    }

    [Fact]
    public async Task CloseKeepsTheConnectionAndUrlNamesTheLastInstance()
    {
        await using var client = await server.ConnectAsync();
        var made = await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync("{\"env\":{\"action\":\"close\"}}");
        await client.SendAsync("{\"env\":{\"action\":\"close\"}}");
        var url = await client.RequestAsync("{\"url\":{\"action\":\"url\"}}");
        Assert.Equal($"{made.GetProperty("instance").GetString()}/", url.GetProperty("url").GetString());
        var step = await client.RequestAsync("{\"step\":{\"action\":0}}");
        Assert.Equal("no_env", step.GetProperty("error").GetProperty("code").GetString());
        var again = await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        Assert.True(again.TryGetProperty("instance", out _));
    }

    [Fact]
    public async Task EpisodeStatisticsStartAtResetAndComeWithTheLastStep()
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync("{\"record_episode_stats\":{\"action\":\"start\"}}");
        for (var episode = 0; episode < 2; episode++)
        {
            await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
            JsonElement step;
            var steps = 0;
            do
            {
                step = await client.RequestAsync("{\"step\":{\"action\":0}}");
                steps++;
                Assert.Equal(step.GetProperty("done").GetBoolean(), step.GetProperty("info").TryGetProperty("episode", out _));
            }
            while (!step.GetProperty("done").GetBoolean());
            Assert.Equal(steps, step.GetProperty("info").GetProperty("episode").GetProperty("l").GetInt32());
            Assert.Equal((double)steps, step.GetProperty("info").GetProperty("episode").GetProperty("r").GetDouble());
        }
    }

    [Fact]
    public async Task ToyTextObservationsAreNumbersAndRewardsPythonInts()
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"FrozenLake-v1\"}}");
        Assert.Equal("{\"info\":{\"name\":\"Discrete\",\"n\":16}}", (await client.RequestAsync("{\"env\":{\"action\":\"observationspace\"}}")).GetRawText());
        await client.SendAsync("{\"env\":{\"seed\":\"0\"}}");
        Assert.Equal("{\"observation\":0}", (await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}")).GetRawText());
        var step = await client.RequestAsync("{\"step\":{\"action\":2}}");
        Assert.Equal(JsonValueKind.Number, step.GetProperty("observation").ValueKind);
        Assert.Equal("0", step.GetProperty("reward").GetRawText());
        Assert.True(step.GetProperty("info").TryGetProperty("prob", out _));

        await client.RequestAsync("{\"env\":{\"name\":\"Blackjack-v1\"}}");
        var space = await client.RequestAsync("{\"env\":{\"action\":\"observationspace\"}}");
        Assert.Equal("Tuple", space.GetProperty("info").GetProperty("name").GetString());
        var reset = await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        Assert.Equal(3, reset.GetProperty("observation").GetArrayLength());
    }

    [Fact]
    public async Task HttpIsServedOnTheUrlsSetting()
    {
        using var http = new HttpClient { BaseAddress = server.HttpAddress };
        Assert.Equal("Healthy", await http.GetStringAsync("/healthz"));
    }

    private static void AssertObservation(byte[] expected, JsonElement observation)
    {
        var values = observation.EnumerateArray().Select(value => (float)value.GetDouble()).ToArray();
        var expectedValues = Enumerable.Range(0, expected.Length / 4).Select(i => BitConverter.ToSingle(expected, i * 4)).ToArray();
        Assert.Equal(expectedValues.Select(BitConverter.SingleToInt32Bits), values.Select(BitConverter.SingleToInt32Bits));
    }
}
