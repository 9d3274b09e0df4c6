using System.Collections.Concurrent;

namespace GymServer.Web.Tcp;

/// <summary>What a connection closed for stalled replies held, for its log line.</summary>
/// <param name="QueuedBytes">Its replies' bytes its client had not taken.</param>
/// <param name="StalledFor">How long none of them had been taken.</param>
public readonly record struct StalledReplies(long QueuedBytes, TimeSpan StalledFor);

public sealed partial class ReplyMemory
{
    private readonly ConcurrentDictionary<ReplyBytes, byte> _accounts = new();
    private readonly TimeProvider _time;
    private long _stalledCloses;

    /// <summary>
    /// How long a connection's queued replies may go without a byte taken by its client while another connection,
    /// holding nothing queued, waits for the node's room (<c>Gym:Node:StalledReplyTimeout</c>, 10 s); past it the
    /// connection is closed. With a strict node cap this is what keeps clients that do not read from stalling those
    /// that do. Zero: never.
    /// </summary>
    public TimeSpan StalledReplyTimeout { get; }

    /// <summary>Connections closed for stalled replies since the node started.</summary>
    public long StalledCloses => Interlocked.Read(ref _stalledCloses);

    /// <summary>The clock stalled replies are timed by.</summary>
    internal long Timestamp => _time.GetTimestamp();

    /// <summary>
    /// Closes every connection whose replies have been stalled for <see cref="StalledReplyTimeout"/> or longer, if a
    /// connection holding nothing queued waits for the node's room (so a client that reads is being held up by
    /// clients that do not). Returns how many were closed. Runs on a timer (<see cref="StalledReplySweep"/>).
    /// </summary>
    public int SweepStalled()
    {
        // The dictionary's own enumerator: no snapshot of every connection each time.
        if (StalledReplyTimeout <= TimeSpan.Zero || PausedConnections == 0 || !_accounts.Any(pair => pair.Key.HeldUpByNode))
        {
            return 0;
        }
        var now = Timestamp;
        var closed = 0;
        foreach (var (account, _) in _accounts)
        {
            var stalledFor = account.StalledFor(now, _time);
            if (stalledFor >= StalledReplyTimeout && account.CloseForStalledReplies(stalledFor))
            {
                closed++;
            }
        }
        if (closed > 0)
        {
            Interlocked.Add(ref _stalledCloses, closed);
            Changed?.Invoke();
        }
        return closed;
    }
}
