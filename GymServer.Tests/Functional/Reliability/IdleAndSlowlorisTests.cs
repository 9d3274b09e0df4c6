using System.Text;

namespace GymServer.Tests.Functional.Reliability;

/// <summary>Slowloris: partial lines never finished are closed at the idle timeout, even while bytes keep coming.</summary>
public sealed class IdleAndSlowlorisTests
{
    [Fact]
    public async Task APartialLineThatStopsIsClosedAtTheIdleTimeout()
    {
        await using var node = HostileServer.With(new Dictionary<string, string?> { ["Gym:Tcp:IdleTimeout"] = "00:00:01" });
        await node.InitializeAsync();
        await using var client = await node.Server.ConnectAsync();
        await client.SendRawAsync(Encoding.ASCII.GetBytes("{\"env\":{\"name\":"));
        Replies.AssertError(await client.ReadReplyAsync(), "idle_timeout", "no request");
        await client.AssertClosedAsync();
        node.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task BytesTrickledWithoutEndingALineDoNotKeepTheConnectionOpen()
    {
        await using var node = HostileServer.With(new Dictionary<string, string?> { ["Gym:Tcp:IdleTimeout"] = "00:00:01" });
        await node.InitializeAsync();
        await using var client = await node.Server.ConnectAsync();
        await client.SendRawAsync(Encoding.ASCII.GetBytes("{\"env\":"));
        // One space at a time (valid JSON whitespace, within the line limit) until the server gives up on the line.
        var reading = client.ReadReplyAsync();
        var space = new[] { (byte)' ' };
        var sendFailed = false;
        for (var sent = 0; !reading.IsCompleted && sent < 2_000_000; sent++)
        {
            try
            {
                await client.SendRawAsync(space);
            }
            catch (System.Net.Sockets.SocketException)
            {
                sendFailed = true;
                break;
            }
        }
        try
        {
            Replies.AssertError(await reading, "idle_timeout", "no request");
        }
        catch (Exception exception) when (exception is EndOfStreamException or System.Net.Sockets.SocketException)
        {
            // The server closed while bytes were still arriving, so the kernel reset the connection, which can destroy
            // the notice before it is read: the connection was closed all the same, which is the point.
            Assert.True(sendFailed || exception is EndOfStreamException, exception.ToString());
        }
        node.AssertNoErrorsLogged();
    }
}
