using GymServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GymServer.Tests.Functional.Reliability;

/// <summary>Token authentication on the TCP port (Gym:Auth:Tokens), on a server of its own that logs everything.</summary>
public sealed class TcpAuthTests : IAsyncLifetime
{
    private const string Token = "tok-4f1c9e2b-secret";
    private const string OtherToken = "second-tok-77aa";
    private readonly CapturingLoggerProvider _logs = new();
    private GymServerFactory _server = null!;

    public Task InitializeAsync()
    {
        _server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Auth:Tokens:0"] = Token,
            ["Gym:Auth:Tokens:1"] = OtherToken,
            ["Logging:LogLevel:Default"] = "Trace",
        }, _logs);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RequestsBeforeAuthenticatingAreRefusedAndTheThirdClosesTheConnection()
    {
        await using var client = await _server.ConnectAsync();
        Replies.AssertError(await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}"), "unauthorized", "requires a token");
        // A request that has no reply in protocol 1 is refused with a reply too: the client learns why.
        Replies.AssertError(await client.RequestAsync("{\"env\":{\"seed\":\"3\"}}"), "unauthorized", "requires a token");
        Replies.AssertError(await client.RequestAsync("{\"auth\":{\"token\":\"guess\"}}"), "unauthorized", "not one this server accepts");
        Replies.AssertError(await client.ReadReplyAsync(), "unauthorized", "closing the connection");
        await client.AssertClosedAsync();
    }

    [Theory]
    [InlineData(Token)]
    [InlineData(OtherToken)]
    public async Task AValidTokenOpensTheConnectionForBothProtocols(string token)
    {
        await using var client = await _server.ConnectAsync();
        Replies.AssertError(await client.RequestAsync("{\"auth\":{\"token\":\"nope\"}}"), "unauthorized", "not one");
        var reply = await client.RequestAsync($"{{\"auth\":{{\"token\":\"{token}\"}}}}");
        Assert.Equal("{\"authenticated\":true}", reply.GetRawText());
        Assert.True((await client.RequestAsync(Protocol2.Handshake)).TryGetProperty("protocol", out _));
        var instance = await client.MakeAsync("CartPole-v1");
        Assert.True((await client.SendAsync("reset", new { instance, seed = 1 })).TryGetProperty("observation", out _));
    }

    [Fact]
    public async Task NoLogEntryCarriesAToken()
    {
        await using (var refused = await _server.ConnectAsync())
        {
            await refused.RequestAsync($"{{\"auth\":{{\"token\":\"{Token}x\"}}}}");
        }
        await using (var client = await _server.ConnectAsync())
        {
            await client.RequestAsync($"{{\"auth\":{{\"token\":\"{Token}\"}}}}");
            await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
        }
        // The server logged the refusal and the authentication (so logging was on), never a token.
        Assert.Contains(_logs.Entries, entry => entry.Message.Contains("without a valid token", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, entry => entry.Message.Contains("token authentication is on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_logs.Entries, entry => entry.Message.Contains("tok-", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, entry => entry.Message.Contains(OtherToken, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, entry => entry.Level >= LogLevel.Error);
    }
}
