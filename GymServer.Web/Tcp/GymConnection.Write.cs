using System.Buffers;
using GymServer.Protocol.Framing;

namespace GymServer.Web.Tcp;

public sealed partial class GymConnection
{
    /// <summary>
    /// Hands a reply to the write loop, its bytes counted as queued; waits while the queue is full. False when the
    /// write side is gone.
    /// </summary>
    private ValueTask<bool> EnqueueAsync(ReplyBuffer reply)
    {
        // Counted first: the write loop may take the reply, and send it, before TryWrite returns.
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
    /// Copies queued replies to the socket's pipe and flushes once per batch. Every flush is awaited, so a client
    /// that does not read holds this loop (and, through the bounded queue, the read loop) instead of server memory.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var output = _transport.Output;
        var replies = _outbox.Reader;
        // Bytes handed to the socket's pipe and not yet flushed: still queued, as far as the caps go.
        long unflushed = 0;
        try
        {
            while (await replies.WaitToReadAsync().ConfigureAwait(false))
            {
                while (replies.TryRead(out var reply))
                {
                    output.Write(reply.WrittenSpan);
                    unflushed += reply.WrittenCount;
                    ReturnReply(reply);
                }
                var flush = await output.FlushAsync().ConfigureAwait(false);
                _replyBytes.Sent(unflushed);
                unflushed = 0;
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    // The peer is gone: nothing more can be sent.
                    break;
                }
            }
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
            // What will never be sent no longer counts against the caps; a read loop paused on them goes.
            while (replies.TryRead(out var unsent))
            {
                unflushed += unsent.WrittenCount;
            }
            _replyBytes.Sent(unflushed);
            _replyBytes.Close();
            _transport.Input.CancelPendingRead();
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }
}
