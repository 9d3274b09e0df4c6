using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace GymServer.Client;

/// <summary>step_vec as binary frames (docs/protocol.md, "Binary encoding").</summary>
public sealed partial class RemoteVectorEnv
{
    private static readonly JsonElement EmptyInfo = JsonDocument.Parse("{}").RootElement.Clone();

    private async Task<VectorStepResult> StepBinaryAsync(IReadOnlyList<object> actions, CancellationToken cancellationToken)
    {
        var frame = await _connection.RequestFrameAsync(buffer => WriteRequest(buffer, actions), cancellationToken).ConfigureAwait(false);
        if (frame.Type != BinaryFrame.StepVecReply)
        {
            throw new GymServerException(GymServerException.BadReply, $"a frame of type 0x{frame.Type:X2} came as the reply to step_vec");
        }
        return ReadReply(frame.Payload);
    }

    /// <summary>Header, then u8 id length, the id, then each action in the single action space's raw layout.</summary>
    private void WriteRequest(ArrayBufferWriter<byte> buffer, IReadOnlyList<object> actions)
    {
        var actionSize = SingleActionSpace.ByteSize;
        var payloadLength = 1 + Instance.Length + actionSize * NumEnvs;
        var span = buffer.GetSpan(BinaryFrame.HeaderSize + payloadLength)[..(BinaryFrame.HeaderSize + payloadLength)];
        span[0] = BinaryFrame.Magic;
        span[1] = BinaryFrame.StepVecRequest;
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)payloadLength);
        var payload = span[BinaryFrame.HeaderSize..];
        payload[0] = (byte)Instance.Length;
        Encoding.ASCII.GetBytes(Instance, payload[1..]);
        var offset = 1 + Instance.Length;
        for (var i = 0; i < NumEnvs; i++)
        {
            SingleActionSpace.WriteBytes(actions[i], payload.Slice(offset, actionSize));
            offset += actionSize;
        }
        buffer.Advance(span.Length);
    }

    /// <summary>u32 N, u32 B, N*B observation bytes, N f64 rewards, N u8 terminated, N u8 truncated, u32 I, I bytes of infos.</summary>
    private VectorStepResult ReadReply(byte[] payload)
    {
        try
        {
            var span = payload.AsSpan();
            var n = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(span));
            var b = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(span[4..]));
            if (n != NumEnvs || b != SingleObservationSpace.ByteSize)
            {
                throw new GymServerException(GymServerException.BadReply, $"step_vec reply for {n} env(s) of {b}-byte observations; expected {NumEnvs} of {SingleObservationSpace.ByteSize}");
            }
            var offset = 8;
            var observations = new object[n];
            for (var i = 0; i < n; i++, offset += b)
            {
                observations[i] = SingleObservationSpace.ReadBytes(span.Slice(offset, b));
            }
            var rewards = new double[n];
            for (var i = 0; i < n; i++, offset += 8)
            {
                rewards[i] = BinaryPrimitives.ReadDoubleLittleEndian(span[offset..]);
            }
            var terminated = ReadFlags(span.Slice(offset, n));
            var truncated = ReadFlags(span.Slice(offset + n, n));
            offset += 2 * n;
            var infoLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(span[offset..]));
            offset += 4;
            var infos = infoLength == 0
                ? Enumerable.Repeat(EmptyInfo, n).ToArray()
                : ParseInfos(payload.AsMemory(offset, infoLength));
            return new VectorStepResult(observations, rewards, terminated, truncated, infos);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new GymServerException(GymServerException.BadReply, $"a step_vec reply of {payload.Length} bytes is cut short", e);
        }
    }

    private static bool[] ReadFlags(ReadOnlySpan<byte> bytes)
    {
        var flags = new bool[bytes.Length];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = bytes[i] != 0;
        }
        return flags;
    }

    private JsonElement[] ParseInfos(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var infos = document.RootElement.EnumerateArray().Select(info => info.Clone()).ToArray();
        return infos.Length == NumEnvs ? infos
            : throw new GymServerException(GymServerException.BadReply, $"{infos.Length} infos in a step_vec reply for {NumEnvs} env(s)");
    }
}
