using System.Text;
using System.Text.Json;

namespace GymServer.Tests.Functional;

/// <summary>
/// The C++ client's example agent, byte for byte: the lines it sends (with its spacing), in its order, reading
/// replies up to "\r\n\r\n" exactly when it does and never for the commands that have none.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CppClientSequenceTests(GymServerFactory server)
{
    [Theory]
    [InlineData("9")]
    [InlineData("0")]
    public async Task ExampleAgentRunsAnEpisode(string compression)
    {
        await using var client = await server.ConnectAsync();

        var instance = await client.RequestAsync("{\"env\":{\"name\": \"CartPole-v1\"}}");
        var instanceId = instance.GetProperty("instance").GetString()!;
        Assert.Matches("^[0-9a-f]{13}$", instanceId);

        var observationSpace = await client.RequestAsync("{\"env\":{\"action\": \"observationspace\"}}");
        Assert.Equal(
            "{\"info\":{\"name\":\"Box\",\"shape\":[4],\"low\":[-4.800000190734863,-1e+100,-0.41887903213500977,-1e+100],"
            + "\"high\":[4.800000190734863,1e+100,0.41887903213500977,1e+100]}}",
            observationSpace.GetRawText());
        var actionSpace = await client.RequestAsync("{\"env\":{\"action\": \"actionspace\"}}");
        Assert.Equal("{\"info\":{\"name\":\"Discrete\",\"n\":2}}", actionSpace.GetRawText());

        await client.SendAsync($"{{\"server\":{{\"compression\": \"{compression}\"}}}}");
        client.Compressed = compression != "0";
        await client.SendAsync("{\"record_episode_stats\":{\"action\": \"start\"}}");

        await client.SendAsync("{\"env\":{\"action\": \"reset\"}}");
        var resetBody = (await client.ReadReplyBodyAsync())!;
        if (client.Compressed)
        {
            // zlib (RFC 1950) at level 9: CMF 0x78 (deflate, 32 KiB window), FLG 0xDA (level 3 = "maximum").
            Assert.Equal(new byte[] { 0x78, 0xDA }, resetBody[..2]);
            resetBody = GymTestClient.Decompress(resetBody);
        }
        using (var reset = JsonDocument.Parse(resetBody))
        {
            Assert.Equal(4, reset.RootElement.GetProperty("observation").GetArrayLength());
        }

        var steps = 0;
        var totalReward = 0.0;
        JsonElement step;
        do
        {
            var sample = await client.RequestAsync("{\"env\":{\"actionspace\": \"sample\"}}");
            // The C++ client reads the sample as the reply object's first member.
            var first = sample.EnumerateObject().First();
            Assert.Equal("sample", first.Name);
            Assert.InRange(first.Value.GetInt32(), 0, 1);

            step = await client.RequestAsync("{\"step\":{\"action\":1, \"render\":1}}");
            Assert.Equal(4, step.GetProperty("observation").GetArrayLength());
            Assert.Equal("1.0", step.GetProperty("reward").GetRawText());
            totalReward += step.GetProperty("reward").GetDouble();
            steps++;
        }
        while (!step.GetProperty("done").GetBoolean() && steps < 600);

        // Always pushing right topples the pole within a few dozen steps; the episode's statistics come with it.
        Assert.True(step.GetProperty("done").GetBoolean());
        var episode = step.GetProperty("info").GetProperty("episode");
        Assert.Equal(totalReward, episode.GetProperty("r").GetDouble());
        Assert.Equal(steps, episode.GetProperty("l").GetInt32());
        Assert.True(episode.GetProperty("t").GetDouble() >= 0);

        await client.SendAsync("{\"env\":{\"action\": \"close\"}}");
        var url = await client.RequestAsync("{\"url\":{\"action\": \"url\"}}");
        Assert.Equal($"{instanceId}/", url.GetProperty("url").GetString());
    }

    [Fact]
    public async Task CompressedReplyIsPlainZlibFollowedByPlainTerminator()
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\": \"CartPole-v1\"}}");
        await client.SendAsync("{\"server\":{\"compression\": \"1\"}}");
        await client.SendAsync("{\"env\":{\"action\": \"actionspace\"}}");
        var body = (await client.ReadReplyBodyAsync())!;
        // Level 1: FLG 0x01 ("fastest"), and the body is one complete zlib stream.
        Assert.Equal(new byte[] { 0x78, 0x01 }, body[..2]);
        Assert.Equal("{\"info\":{\"name\":\"Discrete\",\"n\":2}}", Encoding.UTF8.GetString(GymTestClient.Decompress(body)));
    }
}
