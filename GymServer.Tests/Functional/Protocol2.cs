using System.Text.Json;

namespace GymServer.Tests.Functional;

/// <summary>Helpers for protocol-2 tests: a connection after the handshake, and requests built from objects.</summary>
public static class Protocol2
{
    public const string Handshake = "{\"server\":{\"protocol\":2}}";

    /// <summary>Connects and switches the connection to protocol 2.</summary>
    public static async Task<GymTestClient> ConnectAsync(GymServerFactory server)
    {
        var client = await server.ConnectAsync();
        var reply = await client.RequestAsync(Handshake);
        Assert.Equal(2, reply.GetProperty("protocol").GetInt32());
        return client;
    }

    /// <summary>Sends <c>{"command": arguments}</c> with the arguments serialised compactly, and reads the reply.</summary>
    public static Task<JsonElement> SendAsync(this GymTestClient client, string command, object arguments) =>
        client.RequestAsync(JsonSerializer.Serialize(new Dictionary<string, object> { [command] = arguments }));

    /// <summary>Makes an env and returns its instance id.</summary>
    public static async Task<string> MakeAsync(this GymTestClient client, string id, object? kwargs = null)
    {
        var reply = await client.SendAsync("make", kwargs is null ? new { id } : new { id, kwargs });
        Assert.True(reply.TryGetProperty("instance", out var instance), reply.GetRawText());
        return instance.GetString()!;
    }

    public static void AssertOk(JsonElement reply) => Assert.Equal("{\"ok\":true}", reply.GetRawText());
}
