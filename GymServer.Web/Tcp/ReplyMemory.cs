using System.Buffers;
using GymServer.Engine.Nodes;
using GymServer.Protocol.Framing;
using Microsoft.Extensions.Options;

namespace GymServer.Web.Tcp;

/// <summary>
/// The one place that bounds, in bytes, the replies TCP connections have made and their clients have not yet taken:
/// each connection's (<c>Gym:Tcp:MaxQueuedReplyBytes</c>) and the whole node's (<c>Gym:Node:MaxQueuedReplyBytes</c>).
/// A connection counts a reply from when it is queued until the socket's pipe has taken it; past either cap it stops
/// reading requests until enough has gone out (<see cref="ReplyBytes"/>). A reply is never refused or cut: one
/// larger than a cap still goes out, and the connection pauses after it. Shown in /metrics and on the dashboard.
/// It is also where connections' large reply buffers take their storage (<see cref="IReplyStorage"/>): outside the
/// garbage-collected heap, counted in <see cref="StorageBytes"/> and freed as soon as a buffer lets it go, so the
/// server's memory follows what the caps allow instead of the peak of every reply ever made. Connections keep a few
/// spare buffers for their next replies; all of them together keep at most <see cref="SpareCapacity"/>, so a
/// thousand idle pixel clients do not each hold a frame's buffer.
/// </summary>
public sealed class ReplyMemory : IReplyStorage
{
    private readonly Lock _lock = new();
    private long _queued;
    private long _storage;
    private long _spare;
    private int _paused;
    private TaskCompletionSource? _room;

    public ReplyMemory(IOptions<GymTcpOptions> tcp, IOptions<NodeOptions> node)
        : this(tcp.Value.MaxQueuedReplyBytes, node.Value.MaxQueuedReplyBytes)
    {
    }

    /// <param name="perConnection">Bytes one connection may have queued before it pauses.</param>
    /// <param name="node">Bytes all connections together may have queued before each pauses.</param>
    public ReplyMemory(long perConnection, long node)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perConnection, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(node, 1);
        PerConnectionCapacity = perConnection;
        NodeCapacity = node;
        SpareCapacity = node / SparesPerNodeCapacity;
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
    /// request and pause again: the node's CPU went to that, and /metrics took 24 s to answer. A connection whose
    /// own replies go out is woken by its own sends (<see cref="ReplyBytes"/>), so clients that read never wait on this.
    /// </summary>
    public long NodeResumeBytes => NodeCapacity / 2;

    /// <summary>Reply bytes queued on the node now, made and not yet taken by the sockets.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queued);

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

    /// <summary>Connections not reading requests now because a cap is reached.</summary>
    public int PausedConnections => Volatile.Read(ref _paused);

    /// <summary>
    /// Raised when a connection pauses, resumes or ends, and when a spare buffer is kept or taken: what a test awaits
    /// instead of sleeping.
    /// </summary>
    public event Action? Changed;

    /// <summary>A new connection's account.</summary>
    public ReplyBytes ForConnection() => new(this);

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

    internal bool NodeHasRoom => Interlocked.Read(ref _queued) < NodeCapacity;

    internal void Add(long bytes) => Interlocked.Add(ref _queued, bytes);

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

    /// <summary>
    /// Completes at once if the node is under its cap, or else once it is under <see cref="NodeResumeBytes"/>.
    /// </summary>
    internal Task WhenNodeHasRoom()
    {
        lock (_lock)
        {
            if (NodeHasRoom)
            {
                return Task.CompletedTask;
            }
            // Asynchronous continuations: whoever frees room (a write loop) does not run the paused read loops.
            return (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>A connection ended, its reply storage given back.</summary>
    internal void ConnectionEnded() => Changed?.Invoke();

    internal void Paused(int change)
    {
        Interlocked.Add(ref _paused, change);
        Changed?.Invoke();
    }
}
