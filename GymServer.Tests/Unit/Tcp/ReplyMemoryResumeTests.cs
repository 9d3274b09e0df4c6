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
        var paused = memory.ForConnection();
        var draining = memory.ForConnection();
        paused.Queued(100);
        draining.Queued(1_000);
        Assert.False(paused.HasRoom);

        var resumed = paused.WaitForRoomAsync().AsTask();
        Assert.Equal(1, memory.PausedConnections);

        // Under the cap but not under half of it: the paused connection stays paused.
        draining.Sent(200);
        Assert.True(memory.QueuedBytes < memory.NodeCapacity);
        draining.Sent(300);
        Assert.Equal(600, memory.QueuedBytes);
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
        var paused = memory.ForConnection();
        var other = memory.ForConnection();
        paused.Queued(300);
        other.Queued(800);
        var resumed = paused.WaitForRoomAsync().AsTask();

        // Its client read everything: a connection holding nothing queued is not stopped by the node's cap.
        paused.Sent(300);
        Assert.True(await resumed.WaitAsync(Patience));
        Assert.Equal(800, memory.QueuedBytes);
    }

    [Fact]
    public async Task AConnectionOverItsOwnCapWaitsForItsOwnSendsWhileTheNodeHasRoom()
    {
        var memory = new ReplyMemory(perConnection: 500, node: 1_000_000);
        var connection = memory.ForConnection();
        connection.Queued(600);
        var resumed = connection.WaitForRoomAsync().AsTask();
        Assert.False(resumed.IsCompleted);
        Assert.Equal(1, memory.PausedConnections);

        connection.Sent(200);
        Assert.True(await resumed.WaitAsync(Patience));
    }

    [Fact]
    public async Task APausedConnectionStopsWaitingWhenItsWriteSideCloses()
    {
        var memory = new ReplyMemory(perConnection: 10_000, node: 1_000);
        var paused = memory.ForConnection();
        paused.Queued(2_000);
        var resumed = paused.WaitForRoomAsync().AsTask();

        paused.Close();
        Assert.False(await resumed.WaitAsync(Patience));
        Assert.Equal(0, memory.PausedConnections);
    }
}
