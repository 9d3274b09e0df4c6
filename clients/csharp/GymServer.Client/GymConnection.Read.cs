using System.Text;
using System.Text.Json;
using GymServer.Protocol;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;

namespace GymServer.Client;

/// <summary>The reading half: replies are JSON followed by "\r\n\r\n", or binary frames (magic 0xB7, 8-byte header).</summary>
public sealed partial class GymConnection
{
    private byte[] _buffer;
    private int _start;
    private int _end;

    private async Task<JsonElement> ReadJsonReplyAsync(CancellationToken token)
    {
        await FillAsync(1, token).ConfigureAwait(false);
        if (_buffer[_start] == FrameHeader.Magic && !_compressed)
        {
            var frame = await ReadFrameAsync(token).ConfigureAwait(false);
            throw new GymServerException(GymServerException.BadReply, $"a binary frame of type 0x{frame.Type:X2} came as the reply to a JSON request");
        }
        var scanned = 0;
        while (true)
        {
            var window = _buffer.AsSpan(_start + scanned, _end - _start - scanned);
            var at = window.IndexOf(ReplyWriter.Terminator);
            if (at >= 0)
            {
                var length = scanned + at;
                var reply = _compressed ? Parse(InflateReply(_buffer.AsSpan(_start, length))) : Parse(_buffer.AsMemory(_start, length));
                _start += length + ReplyWriter.Terminator.Length;
                return reply;
            }
            // Keep all but the terminator's last byte: the terminator may straddle two reads.
            scanned = Math.Max(0, _end - _start - (ReplyWriter.Terminator.Length - 1));
            await FillAsync(_end - _start + 1, token).ConfigureAwait(false);
        }
    }

    private static byte[] InflateReply(ReadOnlySpan<byte> body)
    {
        try
        {
            return ReplyWriter.Decompress(body);
        }
        catch (InvalidDataException e)
        {
            throw new GymServerException(GymServerException.BadReply, $"a compressed reply is not a zlib stream: {e.Message}", e);
        }
    }

    private async Task<BinaryFrame> ReadFrameReplyAsync(CancellationToken token)
    {
        await FillAsync(1, token).ConfigureAwait(false);
        if (_buffer[_start] != FrameHeader.Magic)
        {
            var reply = await ReadJsonReplyAsync(token).ConfigureAwait(false);
            // A server that refuses the frame itself answers in JSON (invalid_json when binary was not negotiated).
            ThrowIfError(reply);
            throw new GymServerException(GymServerException.BadReply, "a JSON reply came for a binary request");
        }
        var frame = await ReadFrameAsync(token).ConfigureAwait(false);
        if (frame.Type == (byte)FrameType.Error)
        {
            ThrowIfError(Parse(frame.Payload));
            throw new GymServerException(GymServerException.BadReply, "a binary error frame without an error");
        }
        return frame;
    }

    private async Task<BinaryFrame> ReadFrameAsync(CancellationToken token)
    {
        await FillAsync(FrameHeader.Size, token).ConfigureAwait(false);
        var header = FrameHeader.Read(_buffer.AsSpan(_start, FrameHeader.Size));
        var length = header.Length;
        if (length > (uint)_options.MaxReplyLength)
        {
            throw new GymServerException(GymServerException.BadReply, $"a binary reply of {length} bytes is longer than MaxReplyLength ({_options.MaxReplyLength})");
        }
        await FillAsync(FrameHeader.Size + (int)length, token).ConfigureAwait(false);
        var bytes = _buffer.AsSpan(_start + FrameHeader.Size, (int)length);
        var payload = header.Codec == FrameCodec.None ? bytes.ToArray() : Decompress(header.Codec, bytes);
        _start += FrameHeader.Size + (int)length;
        return new BinaryFrame(header.Type, payload);
    }

    /// <summary>A compressed frame's payload (docs/protocol.md, Compression of binary frames), bounded by MaxReplyLength.</summary>
    private byte[] Decompress(FrameCodec codec, ReadOnlySpan<byte> payload)
    {
        try
        {
            return FrameCompression.Decompress(codec, payload, _options.MaxReplyLength);
        }
        catch (ProtocolException e)
        {
            throw new GymServerException(GymServerException.BadReply, $"a compressed binary reply is not valid: {e.Message}", e);
        }
    }

    /// <summary>Reads until at least <paramref name="count"/> unread bytes are buffered.</summary>
    private async Task FillAsync(int count, CancellationToken token)
    {
        while (_end - _start < count)
        {
            if (count > _options.MaxReplyLength + 4)
            {
                throw new GymServerException(GymServerException.BadReply, $"a reply is longer than MaxReplyLength ({_options.MaxReplyLength} bytes)");
            }
            if (_start == _end)
            {
                _start = _end = 0;
            }
            if (_buffer.Length - _start < count || _end == _buffer.Length)
            {
                // Move what is unread to the front, and grow when even that is not room enough.
                var unread = _end - _start;
                var target = _buffer.Length >= Math.Max(count, unread + 1) * 2 ? _buffer : new byte[Math.Max(_buffer.Length * 2, count * 2)];
                Array.Copy(_buffer, _start, target, 0, unread);
                _buffer = target;
                _start = 0;
                _end = unread;
            }
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new GymServerException(GymServerException.ConnectionClosed, "GymServer closed the connection");
            }
            _end += read;
        }
    }

    private static JsonElement Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var text = Encoding.UTF8.GetString(json.Span[..Math.Min(json.Length, 200)]);
            throw new GymServerException(GymServerException.BadReply, $"the reply is not JSON ({e.Message}): {text}", e);
        }
    }
}
