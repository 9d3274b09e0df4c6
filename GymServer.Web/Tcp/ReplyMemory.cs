using System.Buffers;
using GymServer.Engine.Nodes;
using GymServer.Protocol.Framing;
using Microsoft.Extensions.Options;

namespace GymServer.Web.Tcp;

/// <summary>
/// The one place that bounds, in bytes, the replies TCP connections have made and their clients have not yet taken:
/// each connection's (<c>Gym:Tcp:MaxQueuedReplyBytes</c>) and the whole node's (<c>Gym:Node:MaxQueuedReplyBytes</c>).
/// Before each request a connection reserves room for its reply (as large as its last one), and counts the reply
/// from then until the socket has taken it; a request whose reply would pass a cap waits until enough has gone out
/// (<see cref="ReplyBytes"/>), so the node's total stays under its cap. A reply is never refused or cut: one larger
/// than a cap goes out when nothing else is queued. Connections whose clients leave their replies untaken for
/// <see cref="StalledReplyTimeout"/> while the node's cap holds others up are closed (<see cref="SweepStalled"/>).
/// Shown in /metrics and on the dashboard.
/// It is also where connections' large reply buffers take their storage (<see cref="IReplyStorage"/>): outside the
/// garbage-collected heap, counted in <see cref="StorageBytes"/> and freed as soon as a buffer lets it go, so the
/// server's memory follows what the caps allow instead of the peak of every reply ever made. Connections keep a few
/// spare buffers for their next replies; all of them together keep at most <see cref="SpareCapacity"/>, so a
/// thousand idle pixel clients do not each hold a frame's buffer.
/// </summary>
public sealed partial class ReplyMemory : IReplyStorage
{
    private readonly Lock _lock = new();
    // Bytes of replies queued, and reserved for replies being made.
    private long _queued;
    private long _peakQueued;
    private long _storage;
    private long _spare;
    private int _paused;
    private TaskCompletionSource? _room;

    public ReplyMemory(IOptions<GymTcpOptions> tcp, IOptions<NodeOptions> node, TimeProvider time)
        : this(tcp.Value.MaxQueuedReplyBytes, node.Value.MaxQueuedReplyBytes, node.Value.StalledReplyTimeout, time)
    {
    }

    /// <param name="perConnection">Bytes one connection may have queued before it pauses.</param>
    /// <param name="node">Bytes all connections together may have queued before each pauses.</param>
    /// <param name="stalledReplyTimeout">See <see cref="StalledReplyTimeout"/>; zero: never close a connection.</param>
    /// <param name="time">The clock that times stalled replies.</param>
    public ReplyMemory(long perConnection, long node, TimeSpan stalledReplyTimeout = default, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perConnection, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(node, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stalledReplyTimeout, TimeSpan.Zero);
        PerConnectionCapacity = perConnection;
        NodeCapacity = node;
        SpareCapacity = node / SparesPerNodeCapacity;
        StalledReplyTimeout = stalledReplyTimeout;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The spares' share of the node's cap: a quarter of it (64 MiB by default), room for a couple of hundred pixel
    /// connections stepping at full speed to reuse their buffers; past it a returned buffer is freed, and the next
    /// reply's storage is allocated again.
    /// </summary>
    private const long SparesPerNodeCapacity = 4;

    /// <summary>Bytes one connection may have queued before it stops reading requests.</summary>
    public long PerConnectionCapacity { get; }

    /// <summary>Bytes the node's connections together may have queued before each stops reading requests.</summary>
    public long NodeCapacity { get; }

    /// <summary>
    /// Below this (half the node's cap) the connections the node's cap paused are woken. Waking them as soon as the
    /// node dipped under its cap woke a thousand paused connections for every reply a socket took, each to run one
    /// request and pause again: the node's CPU went to that, and /metrics took 24 s to answer. A connection is also
    /// woken by its own sends (<see cref="ReplyBytes"/>).
    /// </summary>
    public long NodeResumeBytes => NodeCapacity / 2;

    /// <summary>
    /// Reply bytes queued on the node now, made and not yet taken by the sockets, with the room reserved for replies
    /// being made.
    /// </summary>
    public long QueuedBytes => Interlocked.Read(ref _queued);

    /// <summary>The most <see cref="QueuedBytes"/> has been since the node started.</summary>
    public long PeakQueuedBytes => Interlocked.Read(ref _peakQueued);

    /// <summary>
    /// Bytes of large reply buffers (16 KiB and more) the node's connections hold now: replies being written, queued,
    /// being copied to the socket, and each connection's few spare buffers. Bounded by the caps: at most the queued
    /// bytes' storage plus, per connection, the reply being made and its spares (<see cref="GymConnection"/>).
    /// </summary>
    public long StorageBytes => Interlocked.Read(ref _storage);

    /// <summary>Bytes of spare reply buffers all connections together may keep for their next replies.</summary>
    public long SpareCapacity { get; }

    /// <summary>
    /// Bytes of spare reply buffers the node's connections keep now, or took for a reply that is not queued yet (a
    /// connection waiting on a step holds one empty); small ones included.
    /// </summary>
    public long SpareBytes => Interlocked.Read(ref _spare);

    /// <summary>Connections not reading requests now because their next reply would pass a cap.</summary>
    public int PausedConnections => Volatile.Read(ref _paused);

    /// <summary>
    /// Raised when a connection pauses, resumes, ends or is closed for stalled replies, and when a spare buffer is kept
    /// or taken: what a test awaits instead of sleeping.
    /// </summary>
    public event Action? Changed;

    /// <summary>
    /// A new connection's account; <paramref name="close"/> closes the connection if its client leaves its replies
    /// untaken for <see cref="StalledReplyTimeout"/> while others wait for the node's room.
    /// </summary>
    public ReplyBytes ForConnection(Action<StalledReplies>? close = null)
    {
        var account = new ReplyBytes(this, close);
        _accounts.TryAdd(account, 0);
        return account;
    }

    public IMemoryOwner<byte> Rent(int minimumBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumBytes, 1);
        return new NativeReplyBlock(this, minimumBytes);
    }

    internal void StorageChanged(long bytes) => Interlocked.Add(ref _storage, bytes);

    /// <summary>Counts a buffer of <paramref name="bytes"/> kept as a spare, if the node's spares have room for it.</summary>
    internal bool TryKeepSpare(long bytes)
    {
        var spare = Interlocked.Read(ref _spare);
        while (spare + bytes <= SpareCapacity)
        {
            var seen = Interlocked.CompareExchange(ref _spare, spare + bytes, spare);
            if (seen == spare)
            {
                Changed?.Invoke();
                return true;
            }
            spare = seen;
        }
        return false;
    }

    /// <summary>A spare buffer of <paramref name="bytes"/> now holds a queued reply, or was let go.</summary>
    internal void SpareTaken(long bytes)
    {
        Interlocked.Add(ref _spare, -bytes);
        Changed?.Invoke();
    }

    /// <summary>
    /// Reserves <paramref name="bytes"/> for a reply if the node's total stays within its cap with them, or the node
    /// holds nothing (a reply larger than the cap goes out alone).
    /// </summary>
    internal bool TryReserve(long bytes)
    {
        var queued = Interlocked.Read(ref _queued);
        while (Fits(queued, bytes))
        {
            var seen = Interlocked.CompareExchange(ref _queued, queued + bytes, queued);
            if (seen == queued)
            {
                NotePeak(queued + bytes);
                return true;
            }
            queued = seen;
        }
        return false;
    }

    /// <summary>Changes the node's bytes by <paramref name="bytes"/>: a reply's queued, one's taken, a reservation given back.</summary>
    internal void Add(long bytes)
    {
        if (bytes < 0)
        {
            Remove(-bytes);
            return;
        }
        NotePeak(Interlocked.Add(ref _queued, bytes));
    }

    internal void Remove(long bytes)
    {
        // The lock, not a lock-free look at _room: a waiter checks the node under it, so it either sees this removal
        // or has registered before it is taken here.
        if (Interlocked.Add(ref _queued, -bytes) >= NodeResumeBytes)
        {
            return;
        }
        TaskCompletionSource? room;
        lock (_lock)
        {
            room = _room;
            _room = null;
        }
        room?.TrySetResult();
    }

    /// <summary>Whether a reply of <paramref name="bytes"/> may join the node's <paramref name="queued"/>.</summary>
    private bool Fits(long queued, long bytes) => queued <= 0 || queued + bytes <= NodeCapacity;

    private void NotePeak(long queued)
    {
        var peak = Interlocked.Read(ref _peakQueued);
        while (queued > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakQueued, queued, peak);
            if (seen == peak)
            {
                return;
            }
            peak = seen;
        }
    }

    /// <summary>
    /// Completes at once if a reply of <paramref name="bytes"/> fits the node now, or else the next time the node is
    /// under <see cref="NodeResumeBytes"/>.
    /// </summary>
    internal Task WhenNodeHasRoom(long bytes)
    {
        lock (_lock)
        {
            if (Fits(Interlocked.Read(ref _queued), bytes))
            {
                return Task.CompletedTask;
            }
            // Asynchronous continuations: whoever frees room (a write loop) does not run the paused read loops.
            return (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>A connection ended, its reply storage given back.</summary>
    internal void ConnectionEnded(ReplyBytes account)
    {
        _accounts.TryRemove(account, out _);
        Changed?.Invoke();
    }

    internal void Paused(int change)
    {
        Interlocked.Add(ref _paused, change);
        Changed?.Invoke();
    }
}
