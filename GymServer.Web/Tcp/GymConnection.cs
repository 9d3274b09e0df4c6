using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Protocol.V1;
using GymServer.Web.Metrics;
using GymServer.Web.Security;
using GymServer.Web.Tcp.States;

namespace GymServer.Web.Tcp;

/// <summary>
/// One client connection over a duplex pipe: the transport. A read loop takes requests with the connection's current
/// <see cref="ConnectionState"/> (awaiting a token, protocol 1, protocol 2 in JSON or binary), runs them, and carries
/// on with the state each returns; a write loop sends their replies; a bounded channel joins them, and the replies'
/// bytes are counted against the connection's and the node's caps (<see cref="ReplyMemory"/>), so a client that does
/// not read its replies stops its own requests being read and cannot make the server buffer without bound.
/// Both pipes are completed when it ends.
/// </summary>
public sealed partial class GymConnection : IConnectionObserver, IAsyncDisposable
{
    private readonly IDuplexPipe _transport;
    /// <summary>The connection's socket, replies sent straight to it; null where the transport is no plain socket.</summary>
    private readonly Socket? _socket;
    private readonly string _connectionId;
    private readonly ILogger _logger;
    private readonly GymMetrics _metrics;
    private readonly ConnectionScope _scope;
    private ConnectionState _state;
    private readonly Channel<ReplyBuffer> _outbox;
    private readonly ConcurrentQueue<ReplyBuffer> _freeReplies = new();
    private readonly ReplyBytes _replyBytes;
    private long _freeReplyBytes;
    // The spare the read loop took for the reply it is making, still counted against the node's share for spares
    // until it holds a queued reply: a connection waiting on a step keeps an empty frame-sized buffer meanwhile, and a
    // thousand of them would otherwise hold 500 MiB outside the caps. Only the read loop sets it.
    private ReplyBuffer? _takenSpare;
    private long _takenSpareBytes;
    private readonly Lock _closeLock = new();
    private readonly int _maxFreeReplies;
    private readonly TimeSpan _idleTimeout;
    private readonly ITimer _idleTimer;
    private readonly CancellationToken _aborted;
    // Cancels the write loop's sends: the connection's abort (Kestrel closing it), or its replies stalled too long.
    private readonly CancellationTokenSource _sending;
    private volatile bool _closedForStalledReplies;
    private readonly bool _takesTurns;
    private long _lastActivity = Environment.TickCount64;
    private (string Code, string Message)? _closeReason;
    private long _requests;
    private volatile bool _outputClosed;
    private bool _finished;

    public GymConnection(
        IDuplexPipe transport,
        string connectionId,
        Session session,
        GymTcpOptions options,
        GymMetrics metrics,
        ILogger logger,
        CancellationToken aborted,
        AccessTokens? tokens = null,
        ReplyMemory? replyMemory = null,
        Socket? socket = null)
    {
        _transport = transport;
        _socket = socket;
        _connectionId = connectionId;
        _logger = logger;
        _metrics = metrics;
        _aborted = aborted;
        _sending = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _scope = new ConnectionScope(session, options.MaxLineLength, this, aborted, CompressionPolicy.From(options));
        // Without tokens every connection starts in protocol 1: the check costs nothing per request.
        _state = tokens is { IsEnabled: true } ? new AwaitingAuthState(_scope, tokens) : new Protocol1State(_scope);
        _outbox = Channel.CreateBounded<ReplyBuffer>(new BoundedChannelOptions(options.ReplyQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
            // The write loop then runs on the read loop's thread when it is waiting: no thread hop per reply.
            AllowSynchronousContinuations = true,
        });
        _maxFreeReplies = options.ReplyQueueCapacity + 2;
        // Without the node's service (tests on pipes), the connection's own cap and no node cap.
        _replyBytes = (replyMemory ?? new ReplyMemory(options.MaxQueuedReplyBytes, long.MaxValue)).ForConnection(CloseForStalledReplies);
        _takesTurns = options.InlineScheduling;
        _idleTimeout = options.IdleTimeout;
        _idleTimer = TimeProvider.System.CreateTimer(static state => ((GymConnection)state!).OnIdleTimer(), this, _idleTimeout, Timeout.InfiniteTimeSpan);
    }

    public Session Session => _scope.Session;

    /// <summary>Runs the connection until the client leaves or the server closes it.</summary>
    public async Task RunAsync()
    {
        var writing = WriteLoopAsync();
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsConnectionReset(exception))
        {
            TcpLog.ConnectionReset(_logger, _connectionId);
        }
        catch (Exception exception)
        {
            TcpLog.ConnectionFailed(_logger, _connectionId, exception);
        }
        finally
        {
            // Let the write loop send what is queued (a closing notice, say), then finish.
            _outbox.Writer.TryComplete();
            await writing.ConfigureAwait(false);
            // The connection's reply storage goes back to the system with it.
            DropFreeReplies();
            _replyBytes.Memory.ConnectionEnded(_replyBytes);
            await _transport.Input.CompleteAsync().ConfigureAwait(false);
            TcpLog.ConnectionClosed(_logger, _connectionId, Interlocked.Read(ref _requests));
        }
    }

    /// <summary>
    /// Asks the connection to close at the next point between requests, sending this error first. The first reason
    /// given wins.
    /// </summary>
    public void RequestClose(string code, string message)
    {
        lock (_closeLock)
        {
            _closeReason ??= (code, message);
        }
        _transport.Input.CancelPendingRead();
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _finished, true);
        await _idleTimer.DisposeAsync().ConfigureAwait(false);
        _sending.Dispose();
        try
        {
            await Session.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            TcpLog.SessionCloseFailed(_logger, _connectionId, exception);
        }
    }

    void IConnectionObserver.OnDeferredError(RequestKind kind, WireException error)
    {
        _metrics.RequestFailed(error.Code, deferred: true);
        TcpLog.DeferredError(_logger, _connectionId, kind, error.Code, error.Message);
    }

    void IConnectionObserver.OnUnexpectedError(RequestKind kind, Exception error) =>
        TcpLog.UnexpectedRequestError(_logger, _connectionId, kind, error);

    void IConnectionObserver.OnUnexpectedError(string command, Exception error) =>
        TcpLog.UnexpectedProtocol2Error(_logger, _connectionId, command, error);

    void IConnectionObserver.OnErrorReplied(string code) => _metrics.RequestFailed(code, deferred: false);

    void IConnectionObserver.OnAuthenticated() => SecurityLog.TcpAuthenticated(_logger, _connectionId);

    void IConnectionObserver.OnAuthRefused(int failures) => SecurityLog.TcpRefused(_logger, _connectionId, failures);

    /// <summary>
    /// Its client has left its replies untaken while other connections waited for the node's room
    /// (<see cref="ReplyMemory.SweepStalled"/>): the write loop stops sending, drops what is queued, and the connection
    /// closes with its envs. No notice: the client does not read.
    /// </summary>
    private void CloseForStalledReplies(StalledReplies stalled)
    {
        _closedForStalledReplies = true;
        TcpLog.ClosedForStalledReplies(_logger, _connectionId, stalled.QueuedBytes, stalled.StalledFor.TotalSeconds);
        try
        {
            _sending.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile: nothing is left to stop.
        }
        if (_socket is null)
        {
            _transport.Output.CancelPendingFlush();
        }
    }

    private void OnIdleTimer()
    {
        if (Volatile.Read(ref _finished))
        {
            return;
        }
        var idleFor = TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastActivity));
        if (idleFor >= _idleTimeout)
        {
            RequestClose(ProtocolErrorCodes.IdleTimeout, $"no request for {_idleTimeout}: closing the connection");
            return;
        }
        try
        {
            // Activity since the timer was set: wait for the rest of the timeout from the last request.
            _idleTimer.Change(_idleTimeout - idleFor, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended while this callback ran: there is nothing left to time out.
        }
    }

    /// <summary>The free buffers' total size past which a returned buffer is dropped: a few pixel replies' worth.</summary>
    public const long MaxFreeReplyBytes = 1024 * 1024;

    private ReplyBuffer RentReply()
    {
        if (_freeReplies.TryDequeue(out var reply))
        {
            Interlocked.Add(ref _freeReplyBytes, -reply.Capacity);
            (_takenSpare, _takenSpareBytes) = (reply, reply.Capacity);
            return reply;
        }
        return new ReplyBuffer(storage: _replyBytes.Memory);
    }

    private void ReturnReply(ReplyBuffer reply)
    {
        UncountTakenSpare(reply);
        // Keep a few buffers for the next replies, bounded in number and in bytes (a big observation's are large), for
        // the connection and for the node (ReplyMemory.SpareCapacity).
        if (_freeReplies.Count < _maxFreeReplies && Interlocked.Read(ref _freeReplyBytes) + reply.Capacity <= MaxFreeReplyBytes
            && _replyBytes.Memory.TryKeepSpare(reply.Capacity))
        {
            reply.Clear();
            Interlocked.Add(ref _freeReplyBytes, reply.Capacity);
            _freeReplies.Enqueue(reply);
        }
        else
        {
            reply.Release();
        }
    }

    /// <summary>The spare taken for <paramref name="reply"/>, if it is that one, no longer counts as a spare.</summary>
    private void UncountTakenSpare(ReplyBuffer reply)
    {
        // A reply the write loop returns was queued, so uncounted already: it cannot be the read loop's taken spare.
        if (ReferenceEquals(_takenSpare, reply))
        {
            _replyBytes.Memory.SpareTaken(_takenSpareBytes);
            _takenSpare = null;
        }
    }

    /// <summary>A paused connection may stay paused for long: it keeps no spare buffers meanwhile.</summary>
    private void DropFreeReplies()
    {
        while (_freeReplies.TryDequeue(out var reply))
        {
            Interlocked.Add(ref _freeReplyBytes, -reply.Capacity);
            _replyBytes.Memory.SpareTaken(reply.Capacity);
            reply.Release();
        }
    }

    private static bool IsConnectionReset(Exception exception) =>
        exception is IOException or SocketException or ObjectDisposedException
            or Microsoft.AspNetCore.Connections.ConnectionResetException or OperationCanceledException;
}
