using System.Buffers;
using System.Text;
using GymServer.Engine.Environments;
using GymServer.Engine.Protocol.Binary;
using GymServer.Engine.Sessions;

namespace GymServer.Engine.Protocol.V2;

public sealed partial class Protocol2Dispatcher
{
    private readonly BinaryReplyWriter _binary = new();
    private byte[] _framePayload = [];
    private byte[] _cachedVectorId = [];
    private VectorEnv? _cachedVector;

    /// <summary>The encoding the handshake chose: whether binary frames are accepted.</summary>
    public WireEncoding Encoding { get; set; }

    /// <summary>
    /// Handles one binary frame, writing its one binary reply to <paramref name="output"/>. A native vector env steps
    /// synchronously and allocates nothing: actions are copied from the payload into the sub-envs' action buffers
    /// and observations from theirs into the reply.
    /// </summary>
    public ValueTask DispatchFrameAsync(FrameHeader header, ReadOnlySequence<byte> payload, ReplyBuffer output, CancellationToken cancellationToken)
    {
        var start = output.WrittenCount;
        try
        {
            var vector = ReadStepVecFrame(header, payload);
            var step = vector.StepAsync(cancellationToken);
            if (!step.IsCompletedSuccessfully)
            {
                return AwaitFrameStepAsync(step, vector, output, start);
            }
            step.GetAwaiter().GetResult();
            _binary.WriteStepVec(output, vector);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailFrame(error, output, start);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes an error frame (also for a frame the framing refused).</summary>
    public void WriteFrameError(ReplyBuffer output, string code, string message)
    {
        observer.OnErrorReplied(code);
        _binary.WriteError(output, code, message);
    }

    private async ValueTask AwaitFrameStepAsync(ValueTask step, VectorEnv vector, ReplyBuffer output, int start)
    {
        try
        {
            await step.ConfigureAwait(false);
            _binary.WriteStepVec(output, vector);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            FailFrame(error, output, start);
        }
    }

    private void FailFrame(Exception error, ReplyBuffer output, int start)
    {
        output.Truncate(start);
        if (error is not EnvException envError)
        {
            observer.OnUnexpectedError(Protocol2Names.StepVec, error);
            envError = new EnvException(EnvErrorCodes.EnvError, error.Message);
        }
        WriteFrameError(output, envError.Code, envError.Message);
    }

    /// <summary>
    /// Reads a 0x01 payload: u8 L, L bytes of instance id, then one raw action per sub-env. Every action is copied
    /// and checked before any env steps, so a bad one leaves the whole vector as it was.
    /// </summary>
    private VectorEnv ReadStepVecFrame(FrameHeader header, in ReadOnlySequence<byte> payload)
    {
        if (header.Type != (byte)FrameType.StepVecRequest)
        {
            throw new ProtocolException(ProtocolErrorCodes.UnknownCommand,
                $"unknown binary frame type 0x{header.Type:X2}: requests use 0x01 (step_vec)");
        }
        if (header.Reserved != 0)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, $"the frame header's reserved field must be 0, got {header.Reserved}");
        }
        var bytes = Contiguous(payload);
        if (bytes.IsEmpty || bytes.Length < 1 + bytes[0])
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, "the step_vec frame is shorter than its instance id");
        }
        var vector = FindVector(bytes.Slice(1, bytes[0]));
        var actions = bytes[(1 + bytes[0])..];
        var envs = vector.Envs;
        var actionSize = envs[0].ActionSpace.ByteSize;
        if (actions.Length != envs.Count * actionSize)
        {
            throw new EnvException(EnvErrorCodes.InvalidAction,
                $"expected {envs.Count} actions of {actionSize} bytes ({envs.Count * actionSize} bytes), got {actions.Length} bytes");
        }
        for (var i = 0; i < envs.Count; i++)
        {
            var env = envs[i];
            var action = actions.Slice(i * actionSize, actionSize);
            action.CopyTo(env.Action);
            if (!env.ActionSpace.Contains(action))
            {
                throw new EnvException(EnvErrorCodes.InvalidAction,
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
        if (_cachedVector is not null && id.SequenceEqual(_cachedVectorId) && IsOpen(_cachedVector))
        {
            return _cachedVector;
        }
        if (!Ascii.IsValid(id))
        {
            throw new EnvException(ProtocolErrorCodes.UnknownInstance, "the instance id in the frame is not ASCII");
        }
        var vector = Session.RequireVector(System.Text.Encoding.ASCII.GetString(id));
        _cachedVector = vector;
        _cachedVectorId = id.ToArray();
        return vector;
    }

    private bool IsOpen(VectorEnv vector)
    {
        var vectors = Session.Vectors;
        for (var i = 0; i < vectors.Count; i++)
        {
            if (ReferenceEquals(vectors[i], vector))
            {
                return true;
            }
        }
        return false;
    }
}
