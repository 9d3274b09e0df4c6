using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using GymServer.Protocol.Binary;

namespace GymServer.Client;

/// <summary>reset_vec and step_vec as binary frames (docs/protocol.md, "Binary encoding").</summary>
public sealed partial class RemoteVectorEnv
{
    private static JsonElement EmptyInfo => RemoteEnv.EmptyInfo;

    private async Task<VectorResetResult> ResetBinaryAsync(long? seed, JsonObject? options, CancellationToken cancellationToken)
    {
        RemoteEnv.CheckSeed(seed, "reset_vec");
        var frame = await _connection.RequestFrameAsync(buffer => ResetRequestFrame.Write(buffer, FrameType.ResetVecRequest, Instance, seed,
            options is null ? [] : JsonSerializer.SerializeToUtf8Bytes(options)), cancellationToken).ConfigureAwait(false);
        if (frame.Type != (byte)FrameType.ResetVecReply)
        {
            throw new GymServerException(GymServerException.BadReply, $"a frame of type 0x{frame.Type:X2} came as the reply to reset_vec");
        }
        int n, b;
        ReadOnlySpan<byte> observations, infos;
        try
        {
            ResetVecReplyFrame.Read(frame.Payload, out n, out b, out observations, out infos);
        }
        catch (FormatException e)
        {
            throw new GymServerException(GymServerException.BadReply, e.Message, e);
        }
        if (n != NumEnvs || b != SingleObservationSpace.ByteSize)
        {
            throw new GymServerException(GymServerException.BadReply, $"reset_vec reply for {n} env(s) of {b}-byte observations; expected {NumEnvs} of {SingleObservationSpace.ByteSize}");
        }
        var values = new object[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = SingleObservationSpace.ReadBytes(observations.Slice(i * b, b));
        }
        return new VectorResetResult(values, infos.IsEmpty ? Enumerable.Repeat(EmptyInfo, n).ToArray() : ParseInfos(infos.ToArray()));
    }

    private async Task<VectorStepResult> StepBinaryAsync(IReadOnlyList<object> actions, CancellationToken cancellationToken)
    {
        var frame = await _connection.RequestFrameAsync(buffer => WriteRequest(buffer, actions), cancellationToken).ConfigureAwait(false);
        if (frame.Type != (byte)FrameType.StepVecReply)
        {
            throw new GymServerException(GymServerException.BadReply, $"a frame of type 0x{frame.Type:X2} came as the reply to step_vec");
        }
        return ReadReply(frame.Payload);
    }

    /// <summary>The frame's header and instance id, then each action in the single action space's raw layout.</summary>
    private void WriteRequest(ArrayBufferWriter<byte> buffer, IReadOnlyList<object> actions)
    {
        var actionSize = SingleActionSpace.ByteSize;
        var span = StepVecRequestFrame.Begin(buffer, Instance, actionSize * NumEnvs, out var frameLength);
        for (var i = 0; i < NumEnvs; i++)
        {
            SingleActionSpace.WriteBytes(actions[i], span.Slice(i * actionSize, actionSize));
        }
        buffer.Advance(frameLength);
    }

    private VectorStepResult ReadReply(byte[] payload)
    {
        StepVecReplyView reply;
        try
        {
            reply = StepVecReplyFrame.Read(payload);
        }
        catch (FormatException e)
        {
            throw new GymServerException(GymServerException.BadReply, e.Message, e);
        }
        var n = reply.Count;
        var b = reply.ObservationSize;
        if (n != NumEnvs || b != SingleObservationSpace.ByteSize)
        {
            throw new GymServerException(GymServerException.BadReply, $"step_vec reply for {n} env(s) of {b}-byte observations; expected {NumEnvs} of {SingleObservationSpace.ByteSize}");
        }
        var observations = new object[n];
        var rewards = new double[n];
        var terminated = new bool[n];
        var truncated = new bool[n];
        for (var i = 0; i < n; i++)
        {
            observations[i] = SingleObservationSpace.ReadBytes(reply.Observation(i));
            rewards[i] = reply.Reward(i);
            terminated[i] = reply.Terminated(i);
            truncated[i] = reply.Truncated(i);
        }
        var infos = reply.Infos.IsEmpty ? Enumerable.Repeat(EmptyInfo, n).ToArray() : ParseInfos(reply.Infos.ToArray());
        return new VectorStepResult(observations, rewards, terminated, truncated, infos);
    }

    private JsonElement[] ParseInfos(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var infos = document.RootElement.EnumerateArray().Select(info => info.Clone()).ToArray();
        return infos.Length == NumEnvs ? infos
            : throw new GymServerException(GymServerException.BadReply, $"{infos.Length} infos in a reply for {NumEnvs} env(s)");
    }
}
