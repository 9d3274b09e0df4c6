using System.Buffers;
using System.Buffers.Binary;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The 0x84 frame, the reply to step: u32 B, the observation's B raw bytes, f64 reward, u8 terminated, u8 truncated,
/// u32 I and I bytes of the info's JSON (I = 0 when the info is empty). The server writes it with
/// <see cref="Write"/>, a client reads it with <see cref="Read"/>.
/// </summary>
public static class StepReplyFrame
{
    /// <summary>
    /// Writes the frame with the observation of <paramref name="observation"/> (one env's); <paramref name="info"/>
    /// is the info's JSON, empty when the info is (<see cref="FrameJson.Info"/>). Nothing is written when copying the
    /// observation throws.
    /// </summary>
    public static void Write(IBufferWriter<byte> output, IObservationSource observation, StepResult result, ReadOnlySpan<byte> info)
    {
        var size = observation.ObservationSize;
        var payloadLength = 4 + size + 10 + 4 + info.Length;
        var span = output.GetSpan(FrameHeader.Size + payloadLength);
        FrameHeader.Write(span, FrameType.StepReply, payloadLength);
        var at = FrameHeader.Size;
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)size);
        observation.CopyObservationsTo(span.Slice(at + 4, size));
        at += 4 + size;
        BinaryPrimitives.WriteDoubleLittleEndian(span[at..], result.Reward);
        span[at + 8] = result.Terminated ? (byte)1 : (byte)0;
        span[at + 9] = result.Truncated ? (byte)1 : (byte)0;
        at += 10;
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)info.Length);
        info.CopyTo(span[(at + 4)..]);
        output.Advance(FrameHeader.Size + payloadLength);
    }

    /// <summary>Reads a payload: the observation's bytes, the step's result and the info's JSON (empty for an empty info).</summary>
    public static void Read(ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> observation, out StepResult result, out ReadOnlySpan<byte> info)
    {
        observation = FrameLayout.Sized(payload, 0, "step reply", out var at);
        var fixedPart = FrameLayout.Take(payload, at, 10, "step reply");
        result = new StepResult(BinaryPrimitives.ReadDoubleLittleEndian(fixedPart), fixedPart[8] != 0, fixedPart[9] != 0);
        info = FrameLayout.Sized(payload, at + 10, "step reply", out at);
        FrameLayout.End(payload, at, "step reply");
    }
}
