using System.Buffers;
using System.Net.Sockets;
using GymServer.Protocol.Framing;

namespace GymServer.Web.Tcp;

public sealed partial class GymConnection
{
    /// <summary>
    /// Hands a reply to the write loop, its bytes counted as queued; waits while the queue is full. False when the
    /// write side is gone: the reply then stays the caller's.
    /// </summary>
    private ValueTask<bool> EnqueueAsync(ReplyBuffer reply)
    {
        // Counted first: the write loop may take the reply, and send it, before TryWrite returns. Its storage now
        // holds queued bytes, which the caps count: no longer a spare's.
        UncountTakenSpare(reply);
        var bytes = reply.WrittenCount;
        _replyBytes.Queued(bytes);
        if (_outbox.Writer.TryWrite(reply))
        {
            return new ValueTask<bool>(true);
        }
        return WaitAndEnqueueAsync(reply, bytes);

        async ValueTask<bool> WaitAndEnqueueAsync(ReplyBuffer reply, int bytes)
        {
            _metrics.ReadPaused();
            while (await _outbox.Writer.WaitToWriteAsync().ConfigureAwait(false))
            {
                if (_outbox.Writer.TryWrite(reply))
                {
                    return true;
                }
            }
            _replyBytes.Sent(bytes);
            return false;
        }
    }

    /// <summary>
    /// Past the connection's or the node's cap on queued reply bytes: stops reading requests until enough has gone
    /// out. False when the write side is gone.
    /// </summary>
    private async ValueTask<bool> WaitForReplyRoomAsync()
    {
        _metrics.ReadPaused();
        DropFreeReplies();
        return await _replyBytes.WaitForRoomAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Sends queued replies: straight from their buffers to the socket when the connection has one of its own (plain
    /// TCP), else copied to the transport's pipe and flushed once per batch (TLS, tests on pipes). A reply's bytes
    /// count against the caps until the socket has taken them (<see cref="ReplyMemory"/>): a send or flush is awaited,
    /// so a client that does not read holds this loop (and, through the bounded queue and the caps, the read loop),
    /// not server memory. Sent straight, a reply is copied once fewer, and its bytes count until the kernel has them.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var output = _transport.Output;
        var replies = _outbox.Reader;
        // Bytes handed on and not yet taken by the socket (or flushed): still queued, as far as the caps go.
        long unsent = 0;
        // The reply the socket is taking, given back here if the send fails.
        ReplyBuffer? sending = null;
        try
        {
            while (await replies.WaitToReadAsync().ConfigureAwait(false))
            {
                while (replies.TryRead(out var reply))
                {
                    unsent += reply.WrittenCount;
                    if (_socket is null)
                    {
                        output.Write(reply.WrittenSpan);
                        ReturnReply(reply);
                        continue;
                    }
                    sending = reply;
                    await SendAsync(_socket, reply.WrittenMemory).ConfigureAwait(false);
                    sending = null;
                    ReturnReply(reply);
                    _replyBytes.Sent(unsent);
                    unsent = 0;
                }
                if (_socket is null)
                {
                    var flush = await output.FlushAsync().ConfigureAwait(false);
                    _replyBytes.Sent(unsent);
                    unsent = 0;
                    if (flush.IsCompleted || flush.IsCanceled)
                    {
                        // The peer is gone: nothing more can be sent.
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_closedForStalledReplies)
        {
            // Logged when it was closed; what is queued goes below.
        }
        catch (Exception exception) when (IsConnectionReset(exception))
        {
            TcpLog.ConnectionReset(_logger, _connectionId);
        }
        finally
        {
            // Stop the read loop if it waits for room in the queue or for requests whose replies cannot be sent.
            _outputClosed = true;
            _outbox.Writer.TryComplete();
            if (sending is not null)
            {
                ReturnReply(sending);
            }
            // What will never be sent no longer counts against the caps; a read loop paused on them goes.
            while (replies.TryRead(out var never))
            {
                unsent += never.WrittenCount;
                ReturnReply(never);
            }
            _replyBytes.Sent(unsent);
            _replyBytes.Close();
            _transport.Input.CancelPendingRead();
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends all of a reply; the connection's abort (Kestrel closing it), or its close for stalled replies, cancels
    /// the wait.
    /// </summary>
    private async ValueTask SendAsync(Socket socket, ReadOnlyMemory<byte> reply)
    {
        while (true)
        {
            var sent = await socket.SendAsync(reply, SocketFlags.None, _sending.Token).ConfigureAwait(false);
            if (sent == 0)
            {
                throw new IOException("the socket took no bytes of a reply");
            }
            reply = reply[sent..];
            if (reply.IsEmpty)
            {
                return;
            }
            // The client takes this reply, if slowly: its replies are not stalled.
            _replyBytes.Moved();
        }
    }
}
