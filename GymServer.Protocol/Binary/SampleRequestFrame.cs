using System.Buffers;

namespace GymServer.Protocol.Binary;

/// <summary>The 0x05 frame, sample: a payload of u8 L and L ASCII bytes of the env's instance id, nothing else.</summary>
public static class SampleRequestFrame
{
    public static void Write(IBufferWriter<byte> output, string instance)
    {
        var idSize = FrameInstance.Size(instance);
        var span = output.GetSpan(FrameHeader.Size + idSize);
        FrameHeader.Write(span, FrameType.SampleRequest, idSize);
        FrameInstance.Write(span[FrameHeader.Size..], instance);
        output.Advance(FrameHeader.Size + idSize);
    }

    /// <summary>The instance id; invalid_request when bytes follow it.</summary>
    public static ReadOnlySpan<byte> Read(FrameHeader header, ReadOnlySpan<byte> payload)
    {
        FrameInstance.Read(header, FrameType.SampleRequest, payload, out var instanceId, out var rest);
        return rest.IsEmpty ? instanceId
            : throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, $"the sample frame has {rest.Length} bytes after its instance id");
    }
}
