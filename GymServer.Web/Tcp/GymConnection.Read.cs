using System.Buffers;
using GymServer.Engine.Protocol;
using GymServer.Engine.Protocol.Binary;
using GymServer.Engine.Protocol.V2;

namespace GymServer.Web.Tcp;

public sealed partial class GymConnection
{
    /// <summary>Replies to the lines of one read share a buffer up to this size before it goes to the write loop.</summary>
    private const int ReplyBatchBytes = 16 * 1024;

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
            try
            {
                if (_outputClosed)
                {
                    // The write loop ended (the peer stopped taking replies): running more requests is pointless.
                    return;
                }
                if (result.IsCanceled && TryTakeCloseReason(out var reason))
                {
                    var notice = RentReply();
                    _dispatcher.WriteNotice(notice, reason.Code, reason.Message);
                    await EnqueueAsync(notice).ConfigureAwait(false);
                    TcpLog.ClosedByServer(_logger, _connectionId, reason.Code);
                    return;
                }

                ReplyBuffer? reply = null;
                var ranLine = false;
                while (true)
                {
                    if (IsFrameNext(buffer))
                    {
                        var frameStatus = _frames.TryRead(ref buffer, out var header, out var payload);
                        if (frameStatus == FrameStatus.NeedMoreData)
                        {
                            if (!result.IsCompleted || buffer.IsEmpty || _frames.IsDiscarding)
                            {
                                break;
                            }
                            // End of stream inside a frame: say so, as for a line cut off by the peer closing.
                            reply ??= RentReply();
                            Interlocked.Increment(ref _requests);
                            _protocol2!.WriteFrameError(reply, ProtocolErrorCodes.InvalidRequest,
                                $"the stream ended inside a binary frame: {buffer.Length} bytes of it arrived");
                            buffer = buffer.Slice(buffer.End);
                        }
                        else
                        {
                            reply ??= RentReply();
                            ranLine = true;
                            await RunFrameAsync(frameStatus, header, payload, reply).ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        var status = _lines.TryRead(ref buffer, out var line);
                        if (status == LineStatus.NeedMoreData)
                        {
                            if (!result.IsCompleted || buffer.IsEmpty || _lines.IsDiscarding)
                            {
                                break;
                            }
                            // End of stream: what is left is a last line without its terminator. Run it too, so a
                            // request cut off by the peer closing gets its error.
                            status = buffer.Length > _lines.MaxLineLength ? LineStatus.TooLong : LineStatus.Line;
                            line = buffer;
                            buffer = buffer.Slice(buffer.End);
                        }
                        reply ??= RentReply();
                        ranLine = true;
                        await RunLineAsync(status, line, reply).ConfigureAwait(false);
                    }
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
                if (ranLine)
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
                // Consumed up to the start of an incomplete line; examined everything, so the next read waits for
                // more bytes instead of returning the same incomplete line again.
                input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    private async ValueTask RunLineAsync(LineStatus status, ReadOnlySequence<byte> line, ReplyBuffer reply)
    {
        if (!_authenticated)
        {
            Authenticate(status, line, reply, _tokens!);
            return;
        }
        if (_protocol2 is not null)
        {
            Interlocked.Increment(ref _requests);
            if (status == LineStatus.TooLong)
            {
                _protocol2.WriteError(reply, ProtocolErrorCodes.LineTooLong, LineTooLongMessage);
                return;
            }
            await _protocol2.DispatchAsync(line, reply, _aborted).ConfigureAwait(false);
            return;
        }
        await RunProtocol1LineAsync(status, line, reply).ConfigureAwait(false);
        if (_dispatcher.ProtocolVersion == 2)
        {
            // The handshake chose protocol 2: the following lines, already buffered ones too, are protocol 2.
            _protocol2 = new Protocol2Dispatcher(Session, this) { Encoding = _dispatcher.Encoding };
        }
    }

    /// <summary>
    /// Whether the next bytes are a binary frame: only once the handshake chose the binary encoding, and never in the
    /// middle of a too-long line being skipped (whose bytes may be anything).
    /// </summary>
    private bool IsFrameNext(in ReadOnlySequence<byte> buffer) =>
        _frames.IsDiscarding
        || (_protocol2 is { Encoding: WireEncoding.Binary } && !_lines.IsDiscarding && FrameReader.StartsWithFrame(buffer));

    private ValueTask RunFrameAsync(FrameStatus status, FrameHeader header, ReadOnlySequence<byte> payload, ReplyBuffer reply)
    {
        Interlocked.Increment(ref _requests);
        if (status == FrameStatus.TooLong)
        {
            _protocol2!.WriteFrameError(reply, ProtocolErrorCodes.LineTooLong,
                $"the frame's payload of {header.Length} bytes is longer than {_frames.MaxPayloadLength} bytes; it was discarded");
            return ValueTask.CompletedTask;
        }
        return _protocol2!.DispatchFrameAsync(header, payload, reply, _aborted);
    }

    private string LineTooLongMessage => $"the request line is longer than {_lines.MaxLineLength} bytes; it was discarded";

    private ValueTask<bool> RunProtocol1LineAsync(LineStatus status, ReadOnlySequence<byte> line, ReplyBuffer reply)
    {
        Interlocked.Increment(ref _requests);
        if (status == LineStatus.TooLong)
        {
            _dispatcher.WriteError(reply, ProtocolErrorCodes.LineTooLong, LineTooLongMessage);
            return new ValueTask<bool>(true);
        }
        return _dispatcher.DispatchAsync(line, reply, _aborted);
    }

    private ValueTask<bool> EnqueueOrReturnAsync(ReplyBuffer reply)
    {
        if (reply.WrittenCount > 0)
        {
            return EnqueueAsync(reply);
        }
        ReturnReply(reply);
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
