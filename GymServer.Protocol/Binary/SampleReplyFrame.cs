using System.Buffers;
using System.Buffers.Binary;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The 0x85 frame, the reply to sample: u32 A and the action's A raw bytes. The server writes it with
/// <see cref="Write"/>, a client reads it with <see cref="Read"/>.
/// </summary>
public static class SampleReplyFrame
{
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> action)
    {
        var payloadLength = 4 + action.Length;
        var span = output.GetSpan(FrameHeader.Size + payloadLength);
        FrameHeader.Write(span, FrameType.SampleReply, payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[FrameHeader.Size..], (uint)action.Length);
        action.CopyTo(span[(FrameHeader.Size + 4)..]);
        output.Advance(FrameHeader.Size + payloadLength);
    }

    /// <summary>The sampled action's raw bytes.</summary>
    public static ReadOnlySpan<byte> Read(ReadOnlySpan<byte> payload)
    {
        var action = FrameLayout.Sized(payload, 0, "sample reply", out var at);
        FrameLayout.End(payload, at, "sample reply");
        return action;
    }
}
