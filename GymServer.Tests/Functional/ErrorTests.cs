using System.Text.Json;

namespace GymServer.Tests.Functional;

/// <summary>Each error a client can cause: the reply carries its code, and the connection goes on.</summary>
[Collection(ServerCollection.Name)]
public sealed class ErrorTests(GymServerFactory server)
{
    [Theory]
    [InlineData("{\"env\":{\"name\":\"CartPole-v9\"}}", "unknown_env", "CartPole-v1")]
    // The shared test server runs no Python workers (Gym:Python:Workers is 0), so its python backend serves no id.
    [InlineData("{\"env\":{\"name\":\"python:CartPole-v1\"}}", "unknown_env", "'CartPole-v1'")]
    [InlineData("{\"env\":{\"name\":\"native:Nope-v0\"}}", "unknown_env", "Nope-v0")]
    [InlineData("{\"env\":{\"action\":\"reset\"}}", "no_env", "make one first")]
    [InlineData("{\"url\":{\"action\":\"url\"}}", "no_env", "no env")]
    [InlineData("{\"env\":{\"name\":", "invalid_json", "not valid JSON")]
    [InlineData("[1,2]", "invalid_json", "JSON object")]
    [InlineData("{\"env\":{\"name\":\"CartPole-v1\"}} trailing", "invalid_json", "not valid JSON")]
    [InlineData("{}", "invalid_request", "empty")]
    [InlineData("{\"env\":5}", "invalid_request", "object of arguments")]
    [InlineData("{\"step\":{\"render\":1}}", "invalid_request", "needs an action")]
    [InlineData("{\"env\":{\"name\":\"CartPole-v1\"},\"step\":{\"action\":1}}", "invalid_request", "one command")]
    [InlineData("{\"env\":{\"name\":\"CartPole-v1\",\"action\":\"reset\"}}", "invalid_request", "one of")]
    [InlineData("{\"monitor\":{\"action\":\"start\"}}", "unknown_command", "monitor")]
    [InlineData("{\"env\":{\"action\":\"jump\"}}", "unknown_command", "env.action")]
    [InlineData("{\"env\":{\"actionspace\":\"contains\"}}", "unknown_command", "sample")]
    [InlineData("{\"url\":{\"action\":\"video\"}}", "unknown_command", "url")]
    public async Task RequestErrorsAreRepliedAndTheConnectionGoesOn(string request, string code, string messagePart)
    {
        await using var client = await server.ConnectAsync();
        var reply = await client.RequestAsync(request);
        Replies.AssertError(reply, code, messagePart);
        var made = await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        Assert.True(made.TryGetProperty("instance", out _));
    }

    [Fact]
    public async Task InvalidUtf8IsRefused()
    {
        await using var client = await server.ConnectAsync();
        // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte.
        byte[] line = [.. "{\"env\":{\"name\":\"Cart"u8, 0xC3, 0x28, .. "\"}}\r\n"u8];
        await client.SendRawAsync(line);
        Replies.AssertError(await client.ReadReplyAsync(), "invalid_json", "UTF-8");
    }

    [Theory]
    [InlineData("{\"step\":{\"action\":1}}", "reset_needed", "reset")]
    [InlineData("{\"step\":{\"action\":2}}", "invalid_action", "not in the action space")]
    [InlineData("{\"step\":{\"action\":-1}}", "invalid_action", "not in the action space")]
    [InlineData("{\"step\":{\"action\":0.5}}", "invalid_action", "integer")]
    [InlineData("{\"step\":{\"action\":[0,1]}}", "invalid_action", "one integer")]
    [InlineData("{\"step\":{\"action\":\"left\"}}", "invalid_action", "not valid JSON")]
    [InlineData("{\"step\":{\"action\":{\"x\":1}}}", "invalid_action", "integer")]
    public async Task EnvErrorsAreRepliedAndTheEnvGoesOn(string request, string code, string messagePart)
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        if (code != "reset_needed")
        {
            await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        }
        Replies.AssertError(await client.RequestAsync(request), code, messagePart);
        await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
        var step = await client.RequestAsync("{\"step\":{\"action\":1}}");
        Assert.False(step.GetProperty("done").GetBoolean());
    }

    [Theory]
    [InlineData("{\"env\":{\"seed\":\"abc\"}}", "invalid_argument", "seed")]
    [InlineData("{\"env\":{\"seed\":\"-3\"}}", "invalid_argument", "seed")]
    [InlineData("{\"env\":{\"seed\":3.5}}", "invalid_argument", "seed")]
    [InlineData("{\"server\":{\"compression\":\"12\"}}", "invalid_argument", "compression")]
    [InlineData("{\"server\":{\"compression\":\"x\"}}", "invalid_argument", "compression")]
    [InlineData("{\"record_episode_stats\":{}}", "invalid_request", "needs an action")]
    public async Task ErrorsOfRequestsWithoutReplyComeWithTheNextReply(string request, string code, string messagePart)
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync(request);
        // The next request that has a reply gets the error instead, and is not run...
        Replies.AssertError(await client.RequestAsync("{\"env\":{\"action\":\"actionspace\"}}"), code, messagePart);
        // ...so the client stays in step, and the one after is answered as usual.
        var space = await client.RequestAsync("{\"env\":{\"action\":\"actionspace\"}}");
        Assert.Equal("{\"info\":{\"name\":\"Discrete\",\"n\":2}}", space.GetRawText());
    }

    [Fact]
    public async Task RequestsWithoutReplyNeedAnEnvToo()
    {
        await using var client = await server.ConnectAsync();
        await client.SendAsync("{\"env\":{\"seed\":\"1\"}}");
        await client.SendAsync("{\"record_episode_stats\":{\"action\":\"start\"}}");
        // Only the first deferred error is kept.
        Replies.AssertError(await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}"), "no_env", "make one first");
        Assert.True((await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}")).TryGetProperty("instance", out _));
    }

    [Fact]
    public async Task ErrorsAreCompressedLikeAnyReply()
    {
        await using var client = await server.ConnectAsync();
        await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        await client.SendAsync("{\"server\":{\"compression\":\"9\"}}");
        client.Compressed = true;
        Replies.AssertError(await client.RequestAsync("{\"step\":{\"action\":0}}"), "reset_needed", "reset");
    }
}
