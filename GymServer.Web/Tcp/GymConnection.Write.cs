using System.Buffers;
using GymServer.Protocol.Framing;

namespace GymServer.Web.Tcp;

public sealed partial class GymConnection
{
    /// <summary>Hands a reply to the write loop; waits while the queue is full. False when the write side is gone.</summary>
    private ValueTask<bool> EnqueueAsync(ReplyBuffer reply)
    {
        return _outbox.Writer.TryWrite(reply) ? new ValueTask<bool>(true) : WaitAndEnqueueAsync(reply);

        async ValueTask<bool> WaitAndEnqueueAsync(ReplyBuffer reply)
        {
            _metrics.ReadPaused();
            while (await _outbox.Writer.WaitToWriteAsync().ConfigureAwait(false))
            {
                if (_outbox.Writer.TryWrite(reply))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>
    /// Copies queued replies to the socket's pipe and flushes once per batch. Every flush is awaited, so a client
    /// that does not read holds this loop (and, through the bounded queue, the read loop) instead of server memory.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var output = _transport.Output;
        var replies = _outbox.Reader;
        try
        {
            while (await replies.WaitToReadAsync().ConfigureAwait(false))
            {
                while (replies.TryRead(out var reply))
                {
                    output.Write(reply.WrittenSpan);
                    ReturnReply(reply);
                }
                var flush = await output.FlushAsync().ConfigureAwait(false);
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
            _transport.Input.CancelPendingRead();
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }
}
