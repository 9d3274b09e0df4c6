using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional;

/// <summary>Many clients at once, each on its own connection and env, all getting their own correct results.</summary>
[Collection(ServerCollection.Name)]
public sealed class ConcurrencyTests(GymServerFactory server)
{
    private const int Connections = 200;

    [Fact]
    public async Task TwoHundredConnectionsStepAtOnceWithCorrectResults()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => server.ConnectAsync()));
        try
        {
            var episodes = await Task.WhenAll(clients.Select((client, seed) => RunEpisodeAsync(client, seed)));
            Assert.All(episodes, steps => Assert.InRange(steps, 1, 500));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Runs a seeded CartPole episode over the wire and the same episode in process, comparing every observation
    /// bit for bit, every reward and every done. Returns the episode's length.
    /// </summary>
    private static async Task<int> RunEpisodeAsync(GymTestClient client, int seed)
    {
        using var env = NativeEnvironments.CreateRegistry().Make("CartPole-v1");
        var expected = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();

        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync($"{{\"env\":{{\"seed\":\"{seed}\"}}}}");
        var reset = await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        env.Reset(seed, null, expected, info);
        AssertSame(expected, reset.GetProperty("observation"));

        // A policy that depends on the observation, so a mixed-up reply would change the trajectory.
        var steps = 0;
        while (true)
        {
            var action = BitConverter.ToSingle(expected, 8) > 0 ? 1 : 0;
            var reply = await client.RequestAsync($"{{\"step\":{{\"action\":{action}}}}}");
            var result = env.Step(BitConverter.GetBytes((long)action), expected, info);
            steps++;
            AssertSame(expected, reply.GetProperty("observation"));
            Assert.Equal(result.Reward, reply.GetProperty("reward").GetDouble());
            Assert.Equal(result.Done, reply.GetProperty("done").GetBoolean());
            if (result.Done)
            {
                return steps;
            }
        }
    }

    private static void AssertSame(byte[] expected, JsonElement observation)
    {
        var i = 0;
        foreach (var value in observation.EnumerateArray())
        {
            Assert.Equal(BitConverter.ToInt32(expected, i * 4), BitConverter.SingleToInt32Bits((float)value.GetDouble()));
            i++;
        }
        Assert.Equal(expected.Length / 4, i);
    }
}
