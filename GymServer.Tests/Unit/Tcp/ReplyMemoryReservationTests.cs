using GymServer.Web.Tcp;

namespace GymServer.Tests.Unit.Tcp;

/// <summary>
/// The node's cap on queued reply bytes holds strictly (<see cref="ReplyMemory"/>): before each request a connection
/// reserves room for a reply as large as its last one and a quarter, so a request whose reply would pass the cap
/// waits, whether or not its connection holds anything queued.
/// </summary>
public sealed class ReplyMemoryReservationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void ARequestReservesItsLastReplyAndAQuarterAndItsReplyTakesTheReservationsPlace()
    {
        var memory = new ReplyMemory(perConnection: 10_000, node: 10_000);
        var connection = ReplyAccounts.Holding(memory, 400);
        Assert.Equal(400, memory.QueuedBytes);

        Assert.True(connection.TryReserve());
        Assert.Equal(400 + 500, memory.QueuedBytes);
        connection.Ran(420);
        connection.Queued(420);
        Assert.Equal(400 + 420, memory.QueuedBytes);
        Assert.Equal(820, connection.QueuedBytes);

        // A request that wrote nothing: its reservation goes back.
        Assert.True(connection.TryReserve());
        Assert.Equal(820 + 525, memory.QueuedBytes);
        connection.ReleaseReservation();
        Assert.Equal(820, memory.QueuedBytes);
        Assert.Equal(820 + 525, memory.PeakQueuedBytes);
    }

    [Fact]
    public async Task AConnectionHoldingNothingWaitsWhileItsReplyWouldPassTheNodesCap()
    {
        var memory = new ReplyMemory(perConnection: 10_000, node: 1_000);
        var reader = ReplyAccounts.Holding(memory, 400);
        reader.Sent(400);
        Assert.Equal(0, reader.QueuedBytes);
        var stalled = ReplyAccounts.Holding(memory, 900);

        // It holds nothing, but its reply (500 reserved) would take the node past its cap.
        Assert.False(reader.TryReserve());
        var resumed = reader.WaitForRoomAsync().AsTask();
        Assert.False(resumed.IsCompleted);
        Assert.Equal(1, memory.PausedConnections);
        Assert.Equal(900, memory.QueuedBytes);

        stalled.Sent(900);
        Assert.True(await resumed.WaitAsync(Patience));
        Assert.Equal(500, memory.QueuedBytes);
        Assert.InRange(memory.PeakQueuedBytes, 0, memory.NodeCapacity);
    }

    [Fact]
    public void AReplyLargerThanTheNodesCapGoesOutAloneWhenTheNodeHoldsNothing()
    {
        var memory = new ReplyMemory(perConnection: 10_000, node: 1_000);
        var large = ReplyAccounts.Holding(memory, 4_000);
        large.Sent(4_000);

        // Its next reply reserves 5,000: more than the node's cap, so only with nothing else on the node.
        Assert.True(large.TryReserve());
        Assert.Equal(5_000, memory.QueuedBytes);
        var other = memory.ForConnection();
        other.Ran(10);
        Assert.False(other.TryReserve());

        large.ReleaseReservation();
        Assert.True(other.TryReserve());
    }

    [Fact]
    public void ManyConnectionsReservingAtOnceNeverTakeTheNodePastItsCap()
    {
        const int Connections = 64;
        const int ReplyBytes = 800;
        var memory = new ReplyMemory(perConnection: 1_000_000, node: 20_000);
        var accounts = Enumerable.Range(0, Connections).Select(_ =>
        {
            var account = memory.ForConnection();
            account.Ran(ReplyBytes);
            return account;
        }).ToArray();

        // Every connection tries to run requests from several threads' worth of turns; none queues a reply past the cap.
        var admitted = new int[Connections];
        Parallel.For(0, Connections, i =>
        {
            while (accounts[i].TryReserve())
            {
                accounts[i].Queued(ReplyBytes);
                admitted[i]++;
            }
        });

        Assert.InRange(memory.PeakQueuedBytes, 0, memory.NodeCapacity);
        Assert.Equal(admitted.Sum() * ReplyBytes, memory.QueuedBytes);
        // Room for no further reply of 1,000 (800 and a quarter) is left.
        Assert.True(memory.QueuedBytes > memory.NodeCapacity - 1_000);
    }
}
