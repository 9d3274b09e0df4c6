namespace GymServer.Web.Tcp;

/// <summary>
/// Looks for TCP connections whose clients leave their replies untaken while others wait for the node's room
/// (<see cref="ReplyMemory.SweepStalled"/>), twice per <c>Gym:Node:StalledReplyTimeout</c>: such a connection is
/// closed between the timeout and one and a half times it. Not run when the timeout is zero.
/// </summary>
internal sealed class StalledReplySweep(ReplyMemory memory, TimeProvider time) : BackgroundService
{
    /// <summary>The shortest time between two looks: a tiny timeout must not make a busy loop.</summary>
    private static readonly TimeSpan ShortestPeriod = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (memory.StalledReplyTimeout <= TimeSpan.Zero)
        {
            return;
        }
        var period = memory.StalledReplyTimeout / 2;
        using var timer = new PeriodicTimer(period < ShortestPeriod ? ShortestPeriod : period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                memory.SweepStalled();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping: its connections close anyway.
        }
    }
}
