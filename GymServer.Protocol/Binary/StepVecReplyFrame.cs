using System.Buffers.Binary;
using System.Text.Json;
using GymServer.Protocol.Framing;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The 0x81 frame, the reply to a step_vec frame: u32 N, u32 B, N*B observation bytes, N float64 rewards, N u8
/// terminated, N u8 truncated, u32 I and I bytes of the JSON list of infos (I = 0 when all are empty). The server
/// writes it with <see cref="Write"/>, a client reads it with <see cref="Read"/>.
/// </summary>
public static class StepVecReplyFrame
{
    /// <summary>
    /// Writes the frame, the observations copied by <paramref name="observations"/> straight into it (nothing is
    /// written when that throws). <paramref name="json"/> is the caller's reused writer for the infos, so a step whose
    /// infos are all empty (CartPole's) allocates nothing.
    /// </summary>
    public static void Write(
        ReplyBuffer output,
        Utf8JsonWriter json,
        IObservationSource observations,
        ReadOnlySpan<StepResult> results,
        ReadOnlySpan<EnvInfo> infos)
    {
        var count = observations.ObservationCount;
        var observationSize = observations.ObservationSize;
        var fixedSize = 4 + 4 + count * observationSize + count * (8 + 1 + 1) + 4;
        var start = output.WrittenCount;
        var span = output.GetSpan(FrameHeader.Size + fixedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[FrameHeader.Size..], (uint)count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(FrameHeader.Size + 4)..], (uint)observationSize);
        var observationBytes = span.Slice(FrameHeader.Size + 8, count * observationSize);
        var rewards = span.Slice(FrameHeader.Size + 8 + count * observationSize, count * 8);
        var flags = span.Slice(FrameHeader.Size + 8 + count * (observationSize + 8), 2 * count);
        var terminated = flags[..count];
        var truncated = flags[count..];
        observations.CopyObservationsTo(observationBytes);
        var anyInfo = false;
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(rewards[(i * 8)..], results[i].Reward);
            terminated[i] = results[i].Terminated ? (byte)1 : (byte)0;
            truncated[i] = results[i].Truncated ? (byte)1 : (byte)0;
            anyInfo |= infos[i].Count > 0;
        }
        var infoLengthAt = FrameHeader.Size + fixedSize - 4;
        BinaryPrimitives.WriteUInt32LittleEndian(span[infoLengthAt..], 0);
        output.Advance(FrameHeader.Size + fixedSize);
        var infoLength = 0;
        if (anyInfo)
        {
            json.Reset(output);
            json.WriteStartArray();
            foreach (var info in infos)
            {
                info.WriteTo(json);
            }
            json.WriteEndArray();
            json.Flush();
            infoLength = (int)json.BytesCommitted;
        }
        var frame = output.Rewrite(start, FrameHeader.Size + fixedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[infoLengthAt..], (uint)infoLength);
        FrameHeader.Write(frame, FrameType.StepVecReply, fixedSize + infoLength);
    }

    /// <summary>Reads a frame's payload; throws <see cref="FormatException"/> when it is cut short or inconsistent.</summary>
    public static StepVecReplyView Read(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 8)
        {
            throw Short(payload);
        }
        var count = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        var observationSize = BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]);
        var fixedSize = 8 + ((long)count * observationSize) + ((long)count * 10) + 4;
        if (payload.Length < fixedSize)
        {
            throw Short(payload);
        }
        var infoLength = BinaryPrimitives.ReadUInt32LittleEndian(payload[(int)(fixedSize - 4)..]);
        if (payload.Length != fixedSize + infoLength)
        {
            throw new FormatException($"a step_vec reply of {payload.Length} bytes holds {fixedSize} bytes and {infoLength} bytes of infos");
        }
        return new StepVecReplyView(payload, (int)count, (int)observationSize);
    }

    private static FormatException Short(ReadOnlySpan<byte> payload) => new($"a step_vec reply of {payload.Length} bytes is cut short");
}
