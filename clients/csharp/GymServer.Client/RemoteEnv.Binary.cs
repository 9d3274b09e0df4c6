using System.Text.Json;
using System.Text.Json.Nodes;
using GymServer.Protocol.Binary;

namespace GymServer.Client;

/// <summary>reset, step and sample as binary frames (docs/protocol.md, "Binary encoding").</summary>
public sealed partial class RemoteEnv
{
    internal static readonly JsonElement EmptyInfo = JsonDocument.Parse("{}").RootElement.Clone();

    private async Task<ResetResult> ResetBinaryAsync(long? seed, JsonObject? options, CancellationToken cancellationToken)
    {
        CheckSeed(seed, "reset");
        var payload = await RequestAsync(FrameType.ResetRequest, buffer => ResetRequestFrame.Write(buffer, FrameType.ResetRequest, Instance, seed,
            options is null ? [] : JsonSerializer.SerializeToUtf8Bytes(options)), cancellationToken).ConfigureAwait(false);
        return Read(payload, static (payload, env) =>
        {
            ResetReplyFrame.Read(payload, out var observation, out var info);
            return new ResetResult(env.ReadObservation(observation), Info(info));
        });
    }

    private async Task<StepResult> StepBinaryAsync(object action, CancellationToken cancellationToken)
    {
        var payload = await RequestAsync(FrameType.StepRequest, buffer =>
        {
            var span = StepRequestFrame.Begin(buffer, Instance, ActionSpace.ByteSize, out var frameLength);
            ActionSpace.WriteBytes(action, span);
            buffer.Advance(frameLength);
        }, cancellationToken).ConfigureAwait(false);
        return Read(payload, static (payload, env) =>
        {
            StepReplyFrame.Read(payload, out var observation, out var result, out var info);
            return new StepResult(env.ReadObservation(observation), result.Reward, result.Terminated, result.Truncated, Info(info));
        });
    }

    private async Task<object> SampleBinaryAsync(CancellationToken cancellationToken)
    {
        var payload = await RequestAsync(FrameType.SampleRequest, buffer => SampleRequestFrame.Write(buffer, Instance), cancellationToken).ConfigureAwait(false);
        return Read(payload, static (payload, env) =>
        {
            var action = SampleReplyFrame.Read(payload);
            return action.Length == env.ActionSpace.ByteSize
                ? env.ActionSpace.ReadBytes(action)
                : throw new FormatException($"a sampled action of {action.Length} bytes for a space of {env.ActionSpace.ByteSize}");
        });
    }

    /// <summary>
    /// A frame carries non-negative seeds only: a negative one gets the error the server gives it in JSON, without a
    /// request.
    /// </summary>
    internal static void CheckSeed(long? seed, string command)
    {
        if (seed < 0)
        {
            throw new GymServerException("invalid_argument", $"{command}.seed must be a non-negative integer or null, got {seed}");
        }
    }

    /// <summary>Sends a frame and returns the payload of its reply, checked to be the reply to it.</summary>
    private async Task<byte[]> RequestAsync(FrameType type, Action<System.Buffers.ArrayBufferWriter<byte>> build, CancellationToken cancellationToken)
    {
        var frame = await _connection.RequestFrameAsync(build, cancellationToken).ConfigureAwait(false);
        var expected = (byte)((byte)type | 0x80);
        return frame.Type == expected ? frame.Payload
            : throw new GymServerException(GymServerException.BadReply, $"a frame of type 0x{frame.Type:X2} came as the reply to {FrameInstance.Name(type)}");
    }

    /// <summary>Reads a reply's payload; one the layout does not fit is a bad reply.</summary>
    private T Read<T>(byte[] payload, ReadReply<T> read)
    {
        try
        {
            return read(payload, this);
        }
        catch (FormatException e)
        {
            throw new GymServerException(GymServerException.BadReply, e.Message, e);
        }
    }

    private object ReadObservation(ReadOnlySpan<byte> observation) =>
        observation.Length == ObservationSpace.ByteSize
            ? ObservationSpace.ReadBytes(observation)
            : throw new FormatException($"an observation of {observation.Length} bytes for a space of {ObservationSpace.ByteSize}");

    /// <summary>An info from its JSON in a frame; empty (I = 0) is <c>{}</c>.</summary>
    internal static JsonElement Info(ReadOnlySpan<byte> json) =>
        json.IsEmpty ? EmptyInfo : JsonDocument.Parse(json.ToArray()).RootElement.Clone();

    private delegate T ReadReply<T>(ReadOnlySpan<byte> payload, RemoteEnv env);
}
