namespace GymServer.Web.Tcp;

/// <summary>
/// One connection's queued reply bytes, counted against its own cap and the node's (<see cref="ReplyMemory"/>). The
/// read loop calls <see cref="Queued"/> as it hands a reply to the write loop (and <see cref="Sent"/> if the write
/// loop is gone) and <see cref="WaitForRoomAsync"/> before each request; the write loop calls <see cref="Sent"/> once
/// the socket's pipe has taken replies (or, when it ends, for those it will never send), then <see cref="Close"/>.
/// </summary>
public sealed class ReplyBytes
{
    private readonly ReplyMemory _memory;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _queued;
    private TaskCompletionSource? _room;

    internal ReplyBytes(ReplyMemory memory) => _memory = memory;

    /// <summary>Where the connection's large reply buffers take their storage: the node's, counted there.</summary>
    public ReplyMemory Memory => _memory;

    /// <summary>This connection's bytes queued now.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queued);

    /// <summary>
    /// Whether the connection may run its next request: under its own cap, and under the node's unless it holds
    /// nothing queued. Past the node's cap, then, the connections whose clients leave replies unread pause, while a
    /// client that takes its replies (nothing of it is queued when its next request comes) keeps being served: the
    /// node's total can pass its cap by at most one reply of each such connection.
    /// </summary>
    public bool HasRoom
    {
        get
        {
            var queued = Interlocked.Read(ref _queued);
            return queued < _memory.PerConnectionCapacity && (queued <= 0 || _memory.NodeHasRoom);
        }
    }

    public void Queued(int bytes)
    {
        Interlocked.Add(ref _queued, bytes);
        _memory.Add(bytes);
    }

    public void Sent(long bytes)
    {
        Interlocked.Add(ref _queued, -bytes);
        _memory.Remove(bytes);
        if (bytes == 0)
        {
            return;
        }
        // A paused read loop looks again at each send: whether it is back under its cap, or empty under the node's.
        TaskCompletionSource? room;
        lock (_lock)
        {
            room = _room;
            _room = null;
        }
        room?.TrySetResult();
    }

    /// <summary>The connection's write side is gone: a read loop waiting for room stops waiting.</summary>
    public void Close() => _closed.TrySetResult();

    /// <summary>
    /// Waits until the connection is under both caps; false when the write side closed meanwhile. Counts the
    /// connection as paused while it waits.
    /// </summary>
    public async ValueTask<bool> WaitForRoomAsync()
    {
        if (HasRoom)
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
                if (HasRoom || _closed.Task.IsCompleted)
                {
                    return !_closed.Task.IsCompleted;
                }
                // Only the node's signal when it is the node's cap that stops this connection: one over its own cap
                // would otherwise wake again at once for as long as the node has room, spinning until its sends.
                var ownCapReached = QueuedBytes >= _memory.PerConnectionCapacity;
                await (ownCapReached
                    ? Task.WhenAny(sent, _closed.Task)
                    : Task.WhenAny(sent, _memory.WhenNodeHasRoom(), _closed.Task)).ConfigureAwait(false);
            }
        }
        finally
        {
            _memory.Paused(-1);
        }
    }

    private Task WhenSent()
    {
        lock (_lock)
        {
            return (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }
}
