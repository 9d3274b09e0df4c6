using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GymServer.Protocol;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// Protocol 2 with the binary encoding: JSON lines as in <see cref="Protocol2JsonState"/>, and binary frames (a frame
/// starts with 0xB7, which no JSON line does) for make, reset, step, sample, make_vec, reset_vec and step_vec. A
/// binary request gets a binary reply: its frame, or an error frame. A native env steps synchronously and allocates
/// nothing: actions are copied from the payload into the envs' action buffers and observations from theirs into the
/// reply. With a codec agreed at the handshake, compressed request frames are decompressed first and reply frames
/// compressed last, so the frames in between never see compression.
/// </summary>
public sealed partial class Protocol2BinaryState(ConnectionScope scope) : Protocol2JsonState(scope)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    // Reused for step_vec's infos and error payloads, so a step whose infos are all empty (CartPole's) allocates nothing.
    private readonly Utf8JsonWriter _json = new(Stream.Null, WriterOptions);

    // Reused for the other frames' JSON parts (infos, make replies).
    private readonly FrameJson _frameJson = new();
    private byte[] _framePayload = [];
    // A compressed request's payload once decompressed; at most one maximum payload, made when a client first compresses.
    private byte[] _decompressed = [];

    public override WireEncoding Encoding => WireEncoding.Binary;

    /// <summary>
    /// A frame when the bytes start with one, and while a refused frame is being skipped; never in the middle of a
    /// too-long line being skipped (whose bytes may be anything). Lines otherwise.
    /// </summary>
    public override bool TryTake(ref ReadOnlySequence<byte> buffer, bool endOfStream, out TcpRequest request)
    {
        if (!Scope.IsSkippingFrame && (Scope.Lines.IsDiscarding || !FrameReader.StartsWithFrame(buffer)))
        {
            return TryTakeLine(ref buffer, endOfStream, out request);
        }
        var frames = Scope.Frames;
        switch (frames.TryRead(ref buffer, out var header, out var payload))
        {
            case FrameStatus.Frame:
                request = TcpRequest.Frame(header, payload);
                return true;
            case FrameStatus.TooLong:
                request = TcpRequest.FrameTooLong(header);
                return true;
            default:
                if (!endOfStream || buffer.IsEmpty || frames.IsDiscarding)
                {
                    request = default;
                    return false;
                }
                // End of stream inside a frame: say so, as for a line cut off by the peer closing.
                request = TcpRequest.FrameCutOff(buffer);
                buffer = buffer.Slice(buffer.End);
                return true;
        }
    }

    public override ValueTask<ConnectionState> RunAsync(TcpRequest request, ReplyBuffer output)
    {
        switch (request.Framing)
        {
            case RequestFraming.Frame:
                var start = output.WrittenCount;
                var step = RunFrameAsync(request.Header, request.Bytes, output);
                if (!step.IsCompletedSuccessfully)
                {
                    return AwaitAsync(step, output, start);
                }
                Scope.Compression?.Compress(output, start);
                return new ValueTask<ConnectionState>(this);
            case RequestFraming.FrameTooLong:
                WriteFrameError(output, ProtocolErrorCodes.LineTooLong,
                    $"the frame's payload of {request.Header.Length} bytes is longer than {Scope.Frames.MaxPayloadLength} bytes; it was discarded");
                return new ValueTask<ConnectionState>(this);
            case RequestFraming.FrameCutOff:
                WriteFrameError(output, ProtocolErrorCodes.InvalidRequest,
                    $"the stream ended inside a binary frame: {request.Bytes.Length} bytes of it arrived");
                return new ValueTask<ConnectionState>(this);
            default:
                return base.RunAsync(request, output);
        }

        // Takes output as a parameter: a local function capturing it would allocate a closure on every frame.
        async ValueTask<ConnectionState> AwaitAsync(ValueTask step, ReplyBuffer output, int start)
        {
            await step.ConfigureAwait(false);
            Scope.Compression?.Compress(output, start);
            return this;
        }
    }

    /// <summary>Runs one request frame, decompressing it first when its header names a codec.</summary>
    private ValueTask RunFrameAsync(FrameHeader header, in ReadOnlySequence<byte> payload, ReplyBuffer output)
    {
        if (header.Codec == FrameCodec.None)
        {
            return DispatchFrameAsync(header, payload, output);
        }
        try
        {
            var plain = Decompress(header, payload);
            return DispatchFrameAsync(header with { Reserved = (ushort)(header.Reserved & 0xFF00), Length = (uint)plain.Length },
                new ReadOnlySequence<byte>(plain), output);
        }
        catch (ProtocolException error)
        {
            WriteFrameError(output, error.Code, error.Message);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// A compressed payload decompressed, into a buffer reused from frame to frame. Refused unless the header names
    /// the codec agreed at the handshake; the declared length is checked against the maximum payload before any
    /// buffer grows.
    /// </summary>
    private ReadOnlyMemory<byte> Decompress(FrameHeader header, in ReadOnlySequence<byte> payload)
    {
        var agreed = Scope.Compression?.Codec ?? FrameCodec.None;
        if (header.Codec != agreed)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                $"the frame is compressed with {FrameCodecs.NameOf(header.Codec)}, but this connection agreed to {FrameCodecs.NameOf(agreed)} at its handshake");
        }
        var compressed = Contiguous(payload);
        var length = FrameCompression.UncompressedLength(compressed, Scope.Frames.MaxPayloadLength);
        if (_decompressed.Length < length)
        {
            _decompressed = new byte[length];
        }
        FrameCompression.Decompress(agreed, compressed, _decompressed.AsSpan(0, length));
        return _decompressed.AsMemory(0, length);
    }

    /// <summary>
    /// Runs one frame, writing its one binary reply (the result, or an error frame). Completes synchronously when the
    /// env does; a failure after the reply was begun drops what was written of it.
    /// </summary>
    private ValueTask DispatchFrameAsync(FrameHeader header, in ReadOnlySequence<byte> payload, ReplyBuffer output)
    {
        var start = output.WrittenCount;
        var type = (FrameType)header.Type;
        try
        {
            var run = type switch
            {
                FrameType.StepRequest => StepAsync(header, Contiguous(payload), output),
                FrameType.StepVecRequest => StepVecAsync(header, Contiguous(payload), output),
                FrameType.ResetRequest => ResetAsync(header, Contiguous(payload), output),
                FrameType.ResetVecRequest => ResetVecAsync(header, Contiguous(payload), output),
                FrameType.SampleRequest => Sample(header, Contiguous(payload), output),
                FrameType.MakeRequest => MakeAsync(header, payload, output),
                FrameType.MakeVecRequest => MakeVecAsync(header, payload, output),
                _ => throw new ProtocolException(ProtocolErrorCodes.UnknownCommand,
                    $"unknown binary frame type 0x{header.Type:X2}: requests are 0x01 (step_vec), 0x02 (make), 0x03 (reset), 0x04 (step), 0x05 (sample), 0x06 (make_vec), 0x07 (reset_vec)"),
            };
            return run.IsCompletedSuccessfully ? ValueTask.CompletedTask : AwaitFrameAsync(run, type, output, start);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailFrame(type, error, output, start);
            return ValueTask.CompletedTask;
        }
    }

    private async ValueTask AwaitFrameAsync(ValueTask run, FrameType type, ReplyBuffer output, int start)
    {
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailFrame(type, error, output, start);
        }
    }

    private void FailFrame(FrameType type, Exception error, ReplyBuffer output, int start)
    {
        output.Truncate(start);
        if (error is not WireException wireError)
        {
            Scope.Observer.OnUnexpectedError(FrameInstance.Name(type), error);
            wireError = new WireException(EnvErrorCodes.EnvError, error.Message);
        }
        WriteFrameError(output, wireError.Code, wireError.Message);
    }

    /// <summary>Writes an error frame (also for a frame the framing refused).</summary>
    private void WriteFrameError(ReplyBuffer output, string code, string message)
    {
        Scope.Observer.OnErrorReplied(code);
        ErrorFrame.Write(output, _json, code, message);
    }

    /// <summary>
    /// The payload as one span: itself when it arrived in one segment, else copied into a reused buffer. Valid until
    /// the next frame: commands read what they need of it before they wait.
    /// </summary>
    private ReadOnlySpan<byte> Contiguous(in ReadOnlySequence<byte> payload)
    {
        if (payload.IsSingleSegment)
        {
            return payload.FirstSpan;
        }
        if (_framePayload.Length < payload.Length)
        {
            _framePayload = new byte[payload.Length];
        }
        payload.CopyTo(_framePayload);
        return _framePayload.AsSpan(0, (int)payload.Length);
    }
}
