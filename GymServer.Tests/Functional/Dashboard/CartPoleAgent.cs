using System.Text.Json;

namespace GymServer.Tests.Functional.Dashboard;

/// <summary>An agent over the real TCP protocol (protocol 1): plays CartPole-v1 episodes pushing left until done.</summary>
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

    public static async Task<CartPoleAgent> StartAsync(int port)
    {
        var client = await GymTestClient.ConnectAsync(port);
        var made = await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        return new CartPoleAgent(client, made.GetProperty("instance").GetString()!);
    }

    /// <summary>Plays whole episodes; each ends by termination after about ten steps.</summary>
    public async Task PlayAsync(int episodes)
    {
        for (var episode = 0; episode < episodes; episode++)
        {
            await _client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
            JsonElement step;
            do
            {
                step = await _client.RequestAsync("{\"step\":{\"action\":0}}");
                Steps++;
            }
            while (!step.GetProperty("done").GetBoolean());
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
