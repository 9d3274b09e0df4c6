using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GymServer.Tests.Functional;

/// <summary>The configurable limits, each on a server of its own configured small.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task OverlongLinesGetAnErrorAndTheirRestIsDiscarded()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Tcp:MaxLineLength"] = "256" });
        await using var client = await server.ConnectAsync();

        // Exactly the maximum is accepted (padding with whitespace is still one JSON object).
        var exact = "{\"env\":{\"name\":\"CartPole-v1\"}}";
        exact = exact.PadRight(256);
        Assert.True((await client.RequestAsync(exact)).TryGetProperty("instance", out _));

        // One byte more is refused; then a line of 100 KiB sent in pieces gets one error, not one per piece.
        Replies.AssertError(await client.RequestAsync(exact + " "), "line_too_long", "256 bytes");
        var huge = Encoding.ASCII.GetBytes("{\"step\":{\"action\":[" + string.Concat(Enumerable.Repeat("1,", 50_000)) + "1]}}\r\n");
        for (var offset = 0; offset < huge.Length; offset += 4096)
        {
            await client.SendRawAsync(huge.AsMemory(offset, Math.Min(4096, huge.Length - offset)));
        }
        Replies.AssertError(await client.ReadReplyAsync(), "line_too_long", "discarded");

        var space = await client.RequestAsync("{\"env\":{\"action\":\"actionspace\"}}");
        Assert.Equal("{\"info\":{\"name\":\"Discrete\",\"n\":2}}", space.GetRawText());
    }

    [Fact]
    public async Task ConnectionsPastTheLimitGetAnErrorThenClose()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Tcp:MaxConnections"] = "3" });
        var admitted = new List<GymTestClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var client = await server.ConnectAsync();
                admitted.Add(client);
                // A reply proves the server admitted (and counts) this connection.
                Assert.True((await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}")).TryGetProperty("instance", out _));
            }

            await using var refused = await server.ConnectAsync();
            Replies.AssertError(await refused.ReadReplyAsync(), "too_many_connections", "3 connections");
            await refused.AssertClosedAsync();

            // The admitted ones are unaffected.
            foreach (var client in admitted)
            {
                Assert.True((await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}")).TryGetProperty("observation", out _));
            }
        }
        finally
        {
            foreach (var client in admitted)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task IdleConnectionsAreToldAndClosed()
    {
        // Long enough that a busy machine still runs the first request within it (the timeout counts from the
        // connection's start until a request completes), short enough to keep the test quick.
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Tcp:IdleTimeout"] = "00:00:01" });
        await using var client = await server.ConnectAsync();
        Assert.True((await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}")).TryGetProperty("instance", out _));
        // Nothing more is sent: the next thing the server says is that it closes.
        Replies.AssertError(await client.ReadReplyAsync(), "idle_timeout", "no request");
        await client.AssertClosedAsync();
    }

    [Fact]
    public async Task ShutdownTellsEveryConnectionAndClosesIt()
    {
        var server = GymServerFactory.With(new Dictionary<string, string?>());
        var clients = new List<GymTestClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var client = await server.ConnectAsync();
                clients.Add(client);
                await client.RequestAsync("{\"env\":{\"name\":\"CartPole-v1\"}}");
                await client.RequestAsync("{\"env\":{\"action\":\"reset\"}}");
            }

            var stopping = Task.Run(() => server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication());
            foreach (var client in clients)
            {
                Replies.AssertError(await client.ReadReplyAsync(), "server_shutting_down", "shutting down");
                await client.AssertClosedAsync();
            }
            await stopping;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
            await server.DisposeAsync();
        }
    }
}
