using System.Text.Json.Nodes;

namespace GymServer.Client.Tests;

/// <summary>Protocol 1 through <see cref="GymConnection"/>: zlib-compressed replies read as plain ones.</summary>
[Collection(ServerCollection.Name)]
public sealed class CompressionTests(ServerFixture server)
{
    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    [Fact]
    public async Task CompressedRepliesMatchPlainOnes()
    {
        await using var plain = await GymConnection.ConnectAsync("127.0.0.1", server.TcpPort);
        await using var compressed = await GymConnection.ConnectAsync("127.0.0.1", server.TcpPort);
        foreach (var connection in new[] { plain, compressed })
        {
            await connection.RequestAsync(Json("""{"env":{"name":"CartPole-v1"}}"""));
            await connection.SendAsync(Json("""{"env":{"seed":"3"}}"""));
        }
        await compressed.SendAsync(Json("""{"server":{"compression":"9"}}"""));
        Assert.True(compressed.RepliesCompressed);
        foreach (var request in new[] { """{"env":{"action":"reset"}}""", """{"step":{"action":1,"render":0}}""", """{"jump":{}}""" })
        {
            var expected = await plain.RequestAsync(Json(request));
            var actual = await compressed.RequestAsync(Json(request));
            Assert.Equal(expected.GetRawText(), actual.GetRawText());
        }
        // Making an env turns compression off again.
        await compressed.RequestAsync(Json("""{"env":{"name":"CartPole-v1"}}"""));
        Assert.False(compressed.RepliesCompressed);
        Assert.True((await compressed.RequestAsync(Json("""{"env":{"action":"reset"}}"""))).TryGetProperty("observation", out _));
    }
}
