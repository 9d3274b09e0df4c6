namespace GymServer.Web.Tcp;

/// <summary>
/// One connection's reply bytes, counted against its own cap and the node's (<see cref="ReplyMemory"/>). The read loop
/// calls <see cref="TryReserve"/> (or <see cref="WaitForRoomAsync"/>) before each request and <see cref="Ran"/> after
/// it, <see cref="Queued"/> as it hands replies to the write loop (and <see cref="Sent"/> if the write loop is gone),
/// and <see cref="ReleaseReservation"/> when no reply of its is pending any more; the write loop calls
/// <see cref="Moved"/> as a reply's bytes go to the socket, <see cref="Sent"/> once the socket has taken replies (or,
/// when it ends, for those it will never send), then <see cref="Close"/>.
/// </summary>
public sealed class ReplyBytes
{
    private readonly ReplyMemory _memory;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action<StalledReplies>? _closeForStalledReplies;
    private long _queued;
    // When a byte of this connection's queued replies was last taken, or when it started holding some (a timestamp).
    private long _lastMoved;
    // The read loop's alone: room reserved on the node for replies being made, and the size the next one reserves.
    private long _reserved;
    private long _expected;
    private volatile bool _waitingForNode;
    private TaskCompletionSource? _room;

    internal ReplyBytes(ReplyMemory memory, Action<StalledReplies>? closeForStalledReplies)
    {
        _memory = memory;
        _closeForStalledReplies = closeForStalledReplies;
    }

    private enum Room
    {
        Reserved,
        ConnectionFull,
        NodeFull,
    }

    /// <summary>Where the connection's large reply buffers take their storage: the node's, counted there.</summary>
    public ReplyMemory Memory => _memory;

    /// <summary>This connection's bytes queued now (without the room reserved for replies being made).</summary>
    public long QueuedBytes => Interlocked.Read(ref _queued);

    /// <summary>
    /// Reserves room for the next request's reply, as large as the last request's (<see cref="Ran"/>): true if it
    /// fits under this connection's cap and the node's. A connection holding nothing passes its own cap with one reply
    /// larger than it; the node passes its own only with one reply larger than it while it holds nothing else. Past
    /// the node's cap every connection waits, those whose clients read as well as those whose clients do not; those
    /// are closed once stalled (<see cref="ReplyMemory.SweepStalled"/>), and the others go on.
    /// </summary>
    public bool TryReserve() => Reserve() == Room.Reserved;

    /// <summary>
    /// The request just run wrote <paramref name="replyBytes"/> of reply: the next one reserves that and a quarter
    /// more, since one env's replies vary in size from step to step (JSON writes a pixel of 7 in two characters, one of
    /// 255 in four: a step repainting a quarter of an image moves its reply by up to an eighth). A request without a
    /// reply (a protocol-1 seed) leaves the reservation as it was: the next one is likely a reset or a step.
    /// </summary>
    public void Ran(int replyBytes)
    {
        if (replyBytes > 0)
        {
            _expected = replyBytes + (replyBytes / 4);
        }
    }

    public void Queued(int bytes)
    {
        if (Interlocked.Read(ref _queued) == 0)
        {
            // It starts holding bytes now: a stall is timed from here. Only this loop adds, so it is 0 until the add.
            Volatile.Write(ref _lastMoved, _memory.Timestamp);
        }
        Interlocked.Add(ref _queued, bytes);
        _memory.Add(bytes - _reserved);
        _reserved = 0;
    }

    /// <summary>No reply of the read loop is pending: the room reserved for them goes back to the node.</summary>
    public void ReleaseReservation()
    {
        if (_reserved != 0)
        {
            _memory.Add(-_reserved);
            _reserved = 0;
        }
    }

    /// <summary>Part of a reply went to the socket: the client is taking its replies, even if slowly.</summary>
    public void Moved() => Volatile.Write(ref _lastMoved, _memory.Timestamp);

    public void Sent(long bytes)
    {
        Interlocked.Add(ref _queued, -bytes);
        _memory.Remove(bytes);
        if (bytes == 0)
        {
            return;
        }
        // Even when none remain: Queued may have seen this send's bytes still queued, and then starts no clock.
        Moved();
        // A paused read loop looks again at each send: whether it is back under its cap, or its reply fits the node.
        TaskCompletionSource? room;
        lock (_lock)
        {
            room = _room;
            _room = null;
        }
        room?.TrySetResult();
    }

    /// <summary>The connection's write side is gone: a read loop waiting for room stops waiting.</summary>
    public void Close()
    {
        Volatile.Write(ref _closeForStalledReplies, null);
        _closed.TrySetResult();
    }

    /// <summary>
    /// Waits until the next request's reply has room reserved (<see cref="TryReserve"/>); false when the write side
    /// closed meanwhile. Counts the connection as paused while it waits.
    /// </summary>
    public async ValueTask<bool> WaitForRoomAsync()
    {
        if (TryReserve())
        {
            return !_closed.Task.IsCompleted;
        }
        _memory.Paused(+1);
        try
        {
            while (true)
            {
                // Signals first, then the check: a send between the two still wakes this loop.
                var sent = WhenSent();
                if (_closed.Task.IsCompleted)
                {
                    return false;
                }
                var room = Reserve();
                if (room == Room.Reserved)
                {
                    return true;
                }
                _waitingForNode = room == Room.NodeFull;
                // Only its own sends when it is its own cap that stops this connection: the node's signal would wake it
                // again at once for as long as the node has room, spinning until its sends.
                await (room == Room.ConnectionFull
                    ? Task.WhenAny(sent, _closed.Task)
                    : Task.WhenAny(sent, _memory.WhenNodeHasRoom(_expected), _closed.Task)).ConfigureAwait(false);
            }
        }
        finally
        {
            _waitingForNode = false;
            _memory.Paused(-1);
        }
    }

    /// <summary>Waiting for the node's room while holding nothing queued: a client that reads, held up by others.</summary>
    internal bool HeldUpByNode => _waitingForNode && QueuedBytes == 0;

    /// <summary>How long none of this connection's queued bytes has been taken, at <paramref name="now"/>; zero if none are queued.</summary>
    internal TimeSpan StalledFor(long now, TimeProvider time) =>
        QueuedBytes > 0 ? time.GetElapsedTime(Volatile.Read(ref _lastMoved), now) : TimeSpan.Zero;

    /// <summary>Closes the connection for its stalled replies; false if it was closed already.</summary>
    internal bool CloseForStalledReplies(TimeSpan stalledFor)
    {
        var close = Interlocked.Exchange(ref _closeForStalledReplies, null);
        close?.Invoke(new StalledReplies(QueuedBytes, stalledFor));
        return close is not null;
    }

    private Room Reserve()
    {
        var held = Interlocked.Read(ref _queued) + _reserved;
        if (held > 0 && held + _expected > _memory.PerConnectionCapacity)
        {
            return Room.ConnectionFull;
        }
        if (!_memory.TryReserve(_expected))
        {
            return Room.NodeFull;
        }
        _reserved += _expected;
        return Room.Reserved;
    }

    private Task WhenSent()
    {
        lock (_lock)
        {
            return (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }
}
