using System.Buffers;
using GymServer.Engine.Sessions;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;
using GymServer.Protocol.V2;

namespace GymServer.Web.Tcp.States;

/// <summary>The vector frames (make_vec, reset_vec, step_vec).</summary>
public sealed partial class Protocol2BinaryState
{
    private byte[] _cachedVectorId = [];
    private VectorEnv? _cachedVector;

    private async ValueTask MakeVecAsync(FrameHeader header, ReadOnlySequence<byte> payload, ReplyBuffer output)
    {
        MakeVecRequest request;
        using (var arguments = ReadJsonArguments(header, FrameType.MakeVecRequest, payload, Protocol2Command.MakeVec))
        {
            request = MakeVecRequest.Read(arguments.Arguments);
        }
        var vector = await Session.OpenVectorAsync(request.Id, request.NumEnvs, request.Kwargs, request.Wrappers, Scope.Aborted).ConfigureAwait(false);
        MakeVecReply(vector).WriteTo(_frameJson.Begin());
        JsonFrame.Write(output, FrameType.MakeVecReply, _frameJson.End());
    }

    private ValueTask ResetVecAsync(FrameHeader header, ReadOnlySpan<byte> payload, ReplyBuffer output)
    {
        ResetRequestFrame.Read(header, payload, out var instanceId, out var seed, out var optionsJson);
        var vector = FindVector(instanceId);
        var options = ReadOptions(optionsJson, Protocol2Command.ResetVec);
        return ResetVecAsync(vector, seed, options, output);
    }

    private async ValueTask ResetVecAsync(VectorEnv vector, System.Numerics.BigInteger? seed, Protocol2Request? options, ReplyBuffer output)
    {
        using (options)
        {
            await vector.ResetAsync(seed, options?.Arguments, Scope.Aborted).ConfigureAwait(false);
        }
        ResetVecReplyFrame.Write(output, vector, _frameJson.Infos(vector.Infos));
    }

    private ValueTask StepVecAsync(FrameHeader header, ReadOnlySpan<byte> payload, ReplyBuffer output)
    {
        var vector = ReadStepVec(header, payload);
        var step = vector.StepAsync(Scope.Aborted);
        if (!step.IsCompletedSuccessfully)
        {
            return AwaitStepVecAsync(step, vector, output);
        }
        step.GetAwaiter().GetResult();
        WriteStepVec(output, vector);
        return ValueTask.CompletedTask;
    }

    private async ValueTask AwaitStepVecAsync(ValueTask step, VectorEnv vector, ReplyBuffer output)
    {
        await step.ConfigureAwait(false);
        WriteStepVec(output, vector);
    }

    private void WriteStepVec(ReplyBuffer output, VectorEnv vector) =>
        StepVecReplyFrame.Write(output, _json, vector, vector.Results, vector.Infos);

    /// <summary>
    /// The vector env a step_vec frame names, with its actions copied into the sub-envs' action buffers. Every action
    /// is copied and checked before any env steps, so a bad one leaves the whole vector as it was.
    /// </summary>
    private VectorEnv ReadStepVec(FrameHeader header, ReadOnlySpan<byte> payload)
    {
        StepVecRequestFrame.Read(header, payload, out var instanceId, out var actions);
        var vector = FindVector(instanceId);
        var envs = vector.Envs;
        var actionSize = envs[0].ActionSpace.ByteSize;
        if (actions.Length != envs.Count * actionSize)
        {
            throw new GymServer.Protocol.ProtocolException(GymServer.Protocol.EnvErrorCodes.InvalidAction,
                $"expected {envs.Count} actions of {actionSize} bytes ({envs.Count * actionSize} bytes), got {actions.Length} bytes");
        }
        for (var i = 0; i < envs.Count; i++)
        {
            CopyAction(envs[i], actions.Slice(i * actionSize, actionSize), i);
        }
        return vector;
    }

    /// <summary>The open vector env with this id; the last one found is remembered, so a training loop looks up no strings.</summary>
    private VectorEnv FindVector(ReadOnlySpan<byte> id)
    {
        if (_cachedVector is not null && id.SequenceEqual(_cachedVectorId) && Session.Holds(_cachedVector))
        {
            return _cachedVector;
        }
        var vector = RequireVector(InstanceId(id));
        _cachedVector = vector;
        _cachedVectorId = id.ToArray();
        return vector;
    }
}
