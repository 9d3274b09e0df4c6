using System.Text.Json;

namespace GymServer.Tests.Functional.Dashboard;

/// <summary>
/// An agent over the real TCP protocol (protocol 1): plays CartPole-v1 episodes until done, pushing left unless a
/// <see cref="Policy"/> chooses the actions.
/// </summary>
public sealed class CartPoleAgent : IAsyncDisposable
{
    private readonly GymTestClient _client;

    private CartPoleAgent(GymTestClient client, string instance)
    {
        _client = client;
        Instance = instance;
    }

    public string Instance { get; }

    public long Steps { get; private set; }

    /// <summary>The action for an observation, given the number of episodes played so far; null pushes left.</summary>
    public Func<JsonElement, long, int>? Policy { get; init; }

    public long Episodes { get; private set; }

    /// <summary>
    /// A policy that "learns": it balances by the pole's angle and angular velocity with a probability that grows
    /// from 0 to 1 over <paramref name="episodes"/> episodes, and acts at random otherwise. Its returns rise as a
    /// learning curve does, which makes a readable dashboard.
    /// </summary>
    public static Func<JsonElement, long, int> Improving(int episodes, int seed)
    {
        var random = new Random(seed);
        return (observation, played) => random.NextDouble() < Math.Min(1.0, (double)played / episodes)
            ? (observation[2].GetDouble() + observation[3].GetDouble() > 0 ? 1 : 0)
            : random.Next(2);
    }

    public static async Task<CartPoleAgent> StartAsync(int port, Func<JsonElement, long, int>? policy)
    {
        var client = await GymTestClient.ConnectAsync(port);
        var made = await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        return new CartPoleAgent(client, made.GetProperty("instance").GetString()!) { Policy = policy };
    }

    public static Task<CartPoleAgent> StartAsync(int port) => StartAsync(port, policy: null);

    /// <summary>Plays whole episodes (pushing left, each ends by termination after about ten steps).</summary>
    public async Task PlayAsync(int episodes)
    {
        for (var episode = 0; episode < episodes; episode++)
        {
            var step = await _client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
            do
            {
                var action = Policy?.Invoke(step.GetProperty("observation"), Episodes) ?? 0;
                step = await _client.RequestAsync($"{{\"step\":{{\"action\":{action}}}}}");
                Steps++;
            }
            while (!step.GetProperty("done").GetBoolean());
            Episodes++;
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
