using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp;

namespace GymServer.Tests.Unit.Tcp;

/// <summary>
/// Connections whose clients leave their replies untaken are closed (<see cref="ReplyMemory.SweepStalled"/>) only
/// while a connection holding nothing waits for the node's room, and only once none of their bytes has been taken for
/// the stalled-reply timeout. Time is a manual clock here; the server's sweep runs on a timer.
/// </summary>
public sealed class StalledRepliesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AStalledConnectionIsClosedOnceATimeoutPassesWhileAReaderWaitsAndOneWhoseBytesMoveIsNot()
    {
        var clock = new ManualClock();
        var memory = new ReplyMemory(perConnection: 10_000, node: 1_000, Timeout, clock);
        var closed = new List<(string Name, StalledReplies Replies)>();
        var reader = ReplyAccounts.Holding(memory, 400, replies => closed.Add(("reader", replies)));
        reader.Sent(400);
        var stalled = ReplyAccounts.Holding(memory, 700, replies => closed.Add(("stalled", replies)));
        var slow = ReplyAccounts.Holding(memory, 200, replies => closed.Add(("slow", replies)));
        var held = reader.WaitForRoomAsync().AsTask();
        Assert.Equal(1, memory.PausedConnections);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, memory.SweepStalled());
        // The slow client takes part of a reply: its stall starts again.
        slow.Moved();
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, memory.SweepStalled());
        var (name, replies) = Assert.Single(closed);
        Assert.Equal("stalled", name);
        Assert.Equal(700, replies.QueuedBytes);
        Assert.Equal(TimeSpan.FromSeconds(11), replies.StalledFor);

        // Closing it drops its replies (the connection's write loop does this): the reader's reply fits again.
        stalled.Sent(700);
        stalled.Close();
        Assert.True(await held.WaitAsync(Patience));
        Assert.Equal(0, memory.SweepStalled());
        Assert.Single(closed);
    }

    [Fact]
    public void StalledConnectionsStayWhileNoConnectionHoldingNothingWaits()
    {
        var clock = new ManualClock();
        var memory = new ReplyMemory(perConnection: 10_000, node: 1_000, Timeout, clock);
        var closed = 0;
        var first = ReplyAccounts.Holding(memory, 600, _ => closed++);
        var second = ReplyAccounts.Holding(memory, 300, _ => closed++);
        // Both wait for room, each holding replies its client does not take: nobody who reads is held up.
        _ = first.WaitForRoomAsync();
        _ = second.WaitForRoomAsync();
        Assert.Equal(2, memory.PausedConnections);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, memory.SweepStalled());
        Assert.Equal(0, closed);
    }

    [Fact]
    public void WithATimeoutOfZeroNoConnectionIsEverClosed()
    {
        var clock = new ManualClock();
        var memory = new ReplyMemory(perConnection: 10_000, node: 1_000, TimeSpan.Zero, clock);
        var closed = 0;
        var reader = ReplyAccounts.Holding(memory, 400, _ => closed++);
        reader.Sent(400);
        ReplyAccounts.Holding(memory, 900, _ => closed++);
        _ = reader.WaitForRoomAsync();

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, memory.SweepStalled());
        Assert.Equal(0, closed);
    }
}
