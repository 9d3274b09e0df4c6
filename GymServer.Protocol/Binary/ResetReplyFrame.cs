using System.Buffers;
using System.Buffers.Binary;
using GymServer.Protocol.Values;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The 0x83 frame, the reply to reset: u32 B, the observation's B raw bytes, u32 I and I bytes of the info's JSON
/// (I = 0 when the info is empty). The server writes it with <see cref="Write"/>, a client reads it with
/// <see cref="Read"/>.
/// </summary>
public static class ResetReplyFrame
{
    /// <summary>
    /// Writes the frame with the observation of <paramref name="observation"/> (one env's); <paramref name="info"/>
    /// is the info's JSON, empty when the info is (<see cref="FrameJson.Info"/>). Nothing is written when copying the
    /// observation throws.
    /// </summary>
    public static void Write(IBufferWriter<byte> output, IObservationSource observation, ReadOnlySpan<byte> info)
    {
        var size = observation.ObservationSize;
        var payloadLength = 4 + size + 4 + info.Length;
        var span = output.GetSpan(FrameHeader.Size + payloadLength);
        FrameHeader.Write(span, FrameType.ResetReply, payloadLength);
        var at = FrameHeader.Size;
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)size);
        observation.CopyObservationsTo(span.Slice(at + 4, size));
        at += 4 + size;
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)info.Length);
        info.CopyTo(span[(at + 4)..]);
        output.Advance(FrameHeader.Size + payloadLength);
    }

    /// <summary>Reads a payload into the observation's bytes and the info's JSON (empty for an empty info).</summary>
    public static void Read(ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> observation, out ReadOnlySpan<byte> info)
    {
        observation = FrameLayout.Sized(payload, 0, "reset reply", out var at);
        info = FrameLayout.Sized(payload, at, "reset reply", out at);
        FrameLayout.End(payload, at, "reset reply");
    }
}
