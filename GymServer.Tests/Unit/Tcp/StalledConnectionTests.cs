using System.IO.Pipelines;
using System.Text;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp;

namespace GymServer.Tests.Unit.Tcp;

/// <summary>
/// A connection closed for stalled replies, over the write loop that copies replies to the transport's pipe (TLS's
/// path): its pending flush is cancelled, what it had queued is given back, and the connection that waited for the
/// node's room is served. Time is a manual clock; the server's sweep runs on a timer.
/// </summary>
public sealed class StalledConnectionTests
{
    [Fact]
    public async Task ClosingAConnectionWhoseClientStoppedReadingFreesTheNodeForOneThatReads()
    {
        var clock = new ManualClock();
        // A node's cap below one reply: while anything is queued, no other connection's reply fits.
        var memory = new ReplyMemory(perConnection: 1 << 20, node: 64, TimeSpan.FromSeconds(10), clock);
        // The client's side of the pipe takes 1 KiB and no more: the write loop's flush then waits, its bytes queued.
        await using var stalled = PipeConnection.Start(memory, new PipeOptions(pauseWriterThreshold: 1024, resumeWriterThreshold: 512));
        await stalled.WriteAsync("{\"env\":{\"name\":\"CartPole-v1\"}}\r\n{\"env\":{\"action\":\"reset\"}}\r\n"
            + string.Concat(Enumerable.Repeat("{\"step\":{\"action\":1,\"render\":0}}\r\n", 200)));
        await WaitUntilAsync(memory, () => memory.PausedConnections == 1 && memory.QueuedBytes > 0);

        await using var reader = PipeConnection.Start(memory);
        await reader.WriteAsync("{\"env\":{\"name\":\"CartPole-v1\"}}\r\n");
        await WaitUntilAsync(memory, () => memory.PausedConnections == 2);
        Assert.Equal(0, memory.SweepStalled());

        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, memory.SweepStalled());
        Assert.Equal(1, memory.StalledCloses);
        Assert.Contains("\"instance\"", await reader.ReadReplyAsync(), StringComparison.Ordinal);

        // The stalled client still gets the whole replies the pipe took, then the end of the stream.
        var replies = 0;
        while (await stalled.ReadReplyAsync() is { } reply)
        {
            Assert.StartsWith("{", reply, StringComparison.Ordinal);
            replies++;
        }
        Assert.InRange(replies, 2, 201);
        await WaitUntilAsync(memory, () => memory.PausedConnections == 0 && memory.QueuedBytes == 0);
    }

    private static Task WaitUntilAsync(ReplyMemory memory, Func<bool> condition) =>
        ChangedEvent.WaitUntilAsync(h => memory.Changed += h, h => memory.Changed -= h, condition, TimeSpan.FromSeconds(30));
}
