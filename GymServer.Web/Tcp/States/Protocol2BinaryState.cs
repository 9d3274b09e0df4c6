using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GymServer.Engine.Sessions;
using GymServer.Protocol;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;

namespace GymServer.Web.Tcp.States;

/// <summary>
/// Protocol 2 with the binary encoding: JSON lines as in <see cref="Protocol2JsonState"/>, and step_vec as binary
/// frames (a frame starts with 0xB7, which no JSON line does). A native vector env steps synchronously and allocates
/// nothing: actions are copied from the payload into the sub-envs' action buffers and observations from theirs into
/// the reply. With a codec agreed at the handshake, compressed request frames are decompressed first and reply frames
/// compressed last, so the frames in between never see compression.
/// </summary>
public sealed class Protocol2BinaryState(ConnectionScope scope) : Protocol2JsonState(scope)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    // Reused for infos and error payloads, so a step whose infos are all empty (CartPole's) allocates nothing.
    private readonly Utf8JsonWriter _json = new(Stream.Null, WriterOptions);
    private byte[] _framePayload = [];
    // A compressed request's payload once decompressed; at most one maximum payload, made when a client first compresses.
    private byte[] _decompressed = [];
    private byte[] _cachedVectorId = [];
    private VectorEnv? _cachedVector;

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
            return StepVecAsync(header, payload, output);
        }
        try
        {
            var plain = Decompress(header, payload);
            return StepVecAsync(header with { Reserved = (ushort)(header.Reserved & 0xFF00), Length = (uint)plain.Length },
                new ReadOnlySequence<byte>(plain), output);
        }
        catch (ProtocolException error)
        {
            FailFrame(error, output, output.WrittenCount);
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

    /// <summary>Runs one step_vec frame, writing its one binary reply (the step, or an error frame).</summary>
    private ValueTask StepVecAsync(FrameHeader header, in ReadOnlySequence<byte> payload, ReplyBuffer output)
    {
        var start = output.WrittenCount;
        try
        {
            var vector = ReadStepVec(header, payload);
            var step = vector.StepAsync(Scope.Aborted);
            if (!step.IsCompletedSuccessfully)
            {
                return AwaitStepAsync(step, vector, output, start);
            }
            step.GetAwaiter().GetResult();
            WriteStepVec(output, vector);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailFrame(error, output, start);
        }
        return ValueTask.CompletedTask;
    }

    private async ValueTask AwaitStepAsync(ValueTask step, VectorEnv vector, ReplyBuffer output, int start)
    {
        try
        {
            await step.ConfigureAwait(false);
            WriteStepVec(output, vector);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailFrame(error, output, start);
        }
    }

    private void WriteStepVec(ReplyBuffer output, VectorEnv vector) =>
        StepVecReplyFrame.Write(output, _json, vector.Observations, vector.Envs[0].ObservationSpace.ByteSize, vector.Results, vector.Infos);

    private void FailFrame(Exception error, ReplyBuffer output, int start)
    {
        output.Truncate(start);
        if (error is not WireException wireError)
        {
            Scope.Observer.OnUnexpectedError(GymServer.Protocol.V2.Protocol2Names.StepVec, error);
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
    /// The vector env a step_vec frame names, with its actions copied into the sub-envs' action buffers. Every action
    /// is copied and checked before any env steps, so a bad one leaves the whole vector as it was.
    /// </summary>
    private VectorEnv ReadStepVec(FrameHeader header, in ReadOnlySequence<byte> payload)
    {
        StepVecRequestFrame.Read(header, Contiguous(payload), out var instanceId, out var actions);
        var vector = FindVector(instanceId);
        var envs = vector.Envs;
        var actionSize = envs[0].ActionSpace.ByteSize;
        if (actions.Length != envs.Count * actionSize)
        {
            throw new ProtocolException(EnvErrorCodes.InvalidAction,
                $"expected {envs.Count} actions of {actionSize} bytes ({envs.Count * actionSize} bytes), got {actions.Length} bytes");
        }
        for (var i = 0; i < envs.Count; i++)
        {
            var env = envs[i];
            var action = actions.Slice(i * actionSize, actionSize);
            action.CopyTo(env.Action);
            if (!env.ActionSpace.Contains(action))
            {
                throw new ProtocolException(EnvErrorCodes.InvalidAction,
                    $"actions[{i}]: {env.ActionSpace.ValueJson(action)} is not in the action space {env.ActionSpace.DescriptionJson()}");
            }
        }
        return vector;
    }

    /// <summary>The payload as one span: itself when it arrived in one segment, else copied into a reused buffer.</summary>
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

    /// <summary>The open vector env with this id; the last one found is remembered, so a training loop looks up no strings.</summary>
    private VectorEnv FindVector(ReadOnlySpan<byte> id)
    {
        if (_cachedVector is not null && id.SequenceEqual(_cachedVectorId) && Session.Holds(_cachedVector))
        {
            return _cachedVector;
        }
        if (!Ascii.IsValid(id))
        {
            throw new ProtocolException(ProtocolErrorCodes.UnknownInstance, "the instance id in the frame is not ASCII");
        }
        var vector = RequireVector(System.Text.Encoding.ASCII.GetString(id));
        _cachedVector = vector;
        _cachedVectorId = id.ToArray();
        return vector;
    }
}
