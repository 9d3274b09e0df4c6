using GymServer.Protocol.Framing;

namespace GymServer.Web.Tcp;

public sealed partial class GymConnection
{
    /// <summary>Replies to the requests of one read share a buffer up to this size before it goes to the write loop.</summary>
    private const int ReplyBatchBytes = 16 * 1024;

    /// <summary>
    /// Takes every complete request of each read with the current state, runs it, and carries on with the state it
    /// returns (a handshake's successor takes the very next request, already buffered ones too).
    /// </summary>
    private async Task ReadLoopAsync()
    {
        var input = _transport.Input;
        while (true)
        {
            var result = await input.ReadAsync().ConfigureAwait(false);
            if (_takesTurns)
            {
                // With inline scheduling this runs on the thread that received the bytes; handled here, a client
                // that sends its next request as soon as it has a reply could keep that thread (and the connections
                // behind it) waiting. Queued on the thread pool, it takes its turn behind the connections already
                // waiting (bench/README.md: with inline socket completions and no turns, p50 was 18 us and p99
                // 5 to 22 ms).
                await Task.Yield();
            }
            var buffer = result.Buffer;
            // The reply being made: the write loop's once queued, until then this loop's to give back.
            ReplyBuffer? reply = null;
            try
            {
                if (_outputClosed)
                {
                    // The write loop ended (the peer stopped taking replies): running more requests is pointless.
                    return;
                }
                if (result.IsCanceled && TryTakeCloseReason(out var reason))
                {
                    reply = RentReply();
                    _state.WriteNotice(reply, reason.Code, reason.Message);
                    if (await EnqueueAsync(reply).ConfigureAwait(false))
                    {
                        reply = null;
                    }
                    TcpLog.ClosedByServer(_logger, _connectionId, reason.Code);
                    return;
                }

                var ranRequest = false;
                while (_state.TryTake(ref buffer, result.IsCompleted, out var request))
                {
                    if (!_replyBytes.TryReserve())
                    {
                        // Past a cap on queued reply bytes: what this read has replied so far goes out first (the
                        // client may be waiting for it), then no request runs until the client has taken enough.
                        if (reply is not null && !await EnqueueOrReturnAsync(reply).ConfigureAwait(false))
                        {
                            return;
                        }
                        reply = null;
                        if (!await WaitForReplyRoomAsync().ConfigureAwait(false))
                        {
                            return;
                        }
                    }
                    reply ??= RentReply();
                    ranRequest = true;
                    Interlocked.Increment(ref _requests);
                    var replyStart = reply.WrittenCount;
                    _state = await _state.RunAsync(request, reply).ConfigureAwait(false);
                    _replyBytes.Ran(reply.WrittenCount - replyStart);
                    if (reply.WrittenCount >= ReplyBatchBytes)
                    {
                        if (!await EnqueueAsync(reply).ConfigureAwait(false))
                        {
                            return;
                        }
                        reply = null;
                    }
                }
                if (reply is not null && !await EnqueueOrReturnAsync(reply).ConfigureAwait(false))
                {
                    return;
                }
                reply = null;
                if (ranRequest)
                {
                    // Only a whole request counts as activity: a client trickling bytes of a line it never ends
                    // (slowloris) is closed at the idle timeout like one that sends nothing.
                    Volatile.Write(ref _lastActivity, Environment.TickCount64);
                }
                if (result.IsCompleted)
                {
                    return;
                }
            }
            finally
            {
                if (reply is not null)
                {
                    ReturnReply(reply);
                }
                // Every reply of this read is queued or given back: the room reserved for them is not needed.
                _replyBytes.ReleaseReservation();
                // Consumed up to the start of an incomplete request; examined everything, so the next read waits for
                // more bytes instead of returning the same incomplete request again.
                input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    private ValueTask<bool> EnqueueOrReturnAsync(ReplyBuffer reply)
    {
        if (reply.WrittenCount > 0)
        {
            return EnqueueAsync(reply);
        }
        // Its requests wrote nothing: the room they reserved goes back before this loop may wait for more.
        ReturnReply(reply);
        _replyBytes.ReleaseReservation();
        return new ValueTask<bool>(true);
    }

    private bool TryTakeCloseReason(out (string Code, string Message) reason)
    {
        lock (_closeLock)
        {
            reason = _closeReason.GetValueOrDefault();
            return _closeReason is not null;
        }
    }
}
