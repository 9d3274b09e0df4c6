using System.Buffers;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The 0x04 frame, step: a payload of u8 L, L ASCII bytes of the env's instance id, then the action in the action
/// space's raw layout. A client writes it with <see cref="Begin"/>, the server reads it with <see cref="Read"/>.
/// </summary>
public static class StepRequestFrame
{
    /// <summary>
    /// Writes the header and the instance id and returns the span where the <paramref name="actionSize"/> bytes of the
    /// action go; after filling it, the caller advances <paramref name="output"/> by <paramref name="frameLength"/>.
    /// </summary>
    public static Span<byte> Begin(IBufferWriter<byte> output, string instance, int actionSize, out int frameLength)
    {
        var idSize = FrameInstance.Size(instance);
        frameLength = FrameHeader.Size + idSize + actionSize;
        var span = output.GetSpan(frameLength)[..frameLength];
        FrameHeader.Write(span, FrameType.StepRequest, idSize + actionSize);
        FrameInstance.Write(span[FrameHeader.Size..], instance);
        return span[(FrameHeader.Size + idSize)..];
    }

    /// <summary>Splits the payload into the instance id and the action (whose size the server checks against the space).</summary>
    public static void Read(FrameHeader header, ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> instanceId, out ReadOnlySpan<byte> action) =>
        FrameInstance.Read(header, FrameType.StepRequest, payload, out instanceId, out action);
}
