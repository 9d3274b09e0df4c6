using GymServer.Web.Tcp;

namespace GymServer.Tests.Unit.Tcp;

/// <summary>
/// When connections paused by the node's cap of queued reply bytes are woken (<see cref="ReplyMemory"/>): once the
/// node is under half its cap, not every time a reply goes out just under it, while a connection's own sends still
/// wake it at once.
/// </summary>
public sealed class ReplyMemoryResumeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AConnectionPausedByTheNodesCapResumesOnlyOnceTheNodeIsUnderHalfOfIt()
    {
        var memory = new ReplyMemory(perConnection: 10_000, node: 1_000);
        var paused = ReplyAccounts.Holding(memory, 80);
        var draining = ReplyAccounts.Holding(memory, 920);
        // Its next reply reserves 100: past the node's cap of 1,000.
        Assert.False(paused.TryReserve());

        var resumed = paused.WaitForRoomAsync().AsTask();
        Assert.Equal(1, memory.PausedConnections);

        // Under the cap, with room for its reply, but not under half of it: the paused connection stays paused.
        draining.Sent(200);
        Assert.True(memory.QueuedBytes + 100 <= memory.NodeCapacity);
        draining.Sent(300);
        Assert.Equal(500, memory.QueuedBytes);
        Assert.False(resumed.IsCompleted);
        Assert.Equal(1, memory.PausedConnections);

        draining.Sent(150);
        Assert.True(memory.QueuedBytes < memory.NodeResumeBytes);
        Assert.True(await resumed.WaitAsync(Patience));
        Assert.Equal(0, memory.PausedConnections);
    }

    [Fact]
    public async Task AConnectionPausedByTheNodesCapResumesWhenItsOwnRepliesGoOut()
    {
        var memory = new ReplyMemory(perConnection: 10_000, node: 1_000);
        var paused = ReplyAccounts.Holding(memory, 240);
        var other = ReplyAccounts.Holding(memory, 640);
        var resumed = paused.WaitForRoomAsync().AsTask();
        Assert.False(resumed.IsCompleted);

        // Its client took its replies: its next one (300 reserved) fits beside the other's.
        paused.Sent(240);
        Assert.True(await resumed.WaitAsync(Patience));
        Assert.Equal(640 + 300, memory.QueuedBytes);
    }

    [Fact]
    public async Task AConnectionOverItsOwnCapWaitsForItsOwnSendsWhileTheNodeHasRoom()
    {
        var memory = new ReplyMemory(perConnection: 500, node: 1_000_000);
        var connection = ReplyAccounts.Holding(memory, 240);
        // Its next reply reserves 300: with 240 held, past its cap of 500.
        var resumed = connection.WaitForRoomAsync().AsTask();
        Assert.False(resumed.IsCompleted);
        Assert.Equal(1, memory.PausedConnections);

        connection.Sent(40);
        Assert.True(await resumed.WaitAsync(Patience));
        Assert.Equal(500, memory.QueuedBytes);
    }

    [Fact]
    public async Task APausedConnectionStopsWaitingWhenItsWriteSideCloses()
    {
        var memory = new ReplyMemory(perConnection: 10_000, node: 1_000);
        var paused = ReplyAccounts.Holding(memory, 2_000);
        var resumed = paused.WaitForRoomAsync().AsTask();

        paused.Close();
        Assert.False(await resumed.WaitAsync(Patience));
        Assert.Equal(0, memory.PausedConnections);
    }
}
