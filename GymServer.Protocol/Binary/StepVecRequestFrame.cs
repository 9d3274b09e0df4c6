using System.Buffers;
using System.Text;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The 0x01 frame, step_vec: a payload of u8 L, L ASCII bytes of the vector env's instance id, then one raw action
/// per sub-env in the single action space's layout. A client writes it with <see cref="Begin"/>, the server reads it
/// with <see cref="Read"/>.
/// </summary>
public static class StepVecRequestFrame
{
    /// <summary>
    /// Writes the header and the instance id to <paramref name="output"/> and returns the span where the
    /// <paramref name="actionBytes"/> bytes of actions go; after filling it, the caller advances
    /// <paramref name="output"/> by <paramref name="frameLength"/>.
    /// </summary>
    public static Span<byte> Begin(IBufferWriter<byte> output, string instance, int actionBytes, out int frameLength)
    {
        var idLength = Encoding.ASCII.GetByteCount(instance);
        if (idLength > byte.MaxValue)
        {
            throw new ArgumentException($"an instance id of {idLength} bytes does not fit a frame", nameof(instance));
        }
        var payloadLength = 1 + idLength + actionBytes;
        frameLength = FrameHeader.Size + payloadLength;
        var span = output.GetSpan(frameLength)[..frameLength];
        FrameHeader.Write(span, FrameType.StepVecRequest, payloadLength);
        span[FrameHeader.Size] = (byte)idLength;
        Encoding.ASCII.GetBytes(instance, span[(FrameHeader.Size + 1)..]);
        return span[(FrameHeader.Size + 1 + idLength)..];
    }

    /// <summary>
    /// Checks the header and splits the payload into the instance id and the actions. Throws
    /// <see cref="ProtocolException"/> for a frame of another type, a reserved field that is not 0, or a payload
    /// shorter than its id.
    /// </summary>
    public static void Read(FrameHeader header, ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> instanceId, out ReadOnlySpan<byte> actions)
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
        if (payload.IsEmpty || payload.Length < 1 + payload[0])
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, "the step_vec frame is shorter than its instance id");
        }
        instanceId = payload.Slice(1, payload[0]);
        actions = payload[(1 + payload[0])..];
    }
}
