using System.Text;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The instance id that starts the payload of every request frame naming an env: u8 L, then L ASCII bytes.
/// </summary>
public static class FrameInstance
{
    /// <summary>Bytes the id takes in a payload.</summary>
    public static int Size(string instance)
    {
        var length = Encoding.ASCII.GetByteCount(instance);
        return length <= byte.MaxValue ? 1 + length
            : throw new ArgumentException($"an instance id of {length} bytes does not fit a frame", nameof(instance));
    }

    /// <summary>Writes the id at the start of <paramref name="payload"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> payload, string instance)
    {
        var length = Size(instance) - 1;
        payload[0] = (byte)length;
        Encoding.ASCII.GetBytes(instance, payload[1..]);
        return 1 + length;
    }

    /// <summary>
    /// Checks a request header (its type and reserved field) and splits its payload into the instance id and what
    /// follows. Throws <see cref="ProtocolException"/>: invalid_request for a reserved field that is not 0 or a
    /// payload shorter than its id.
    /// </summary>
    public static void Read(FrameHeader header, FrameType type, ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> instanceId, out ReadOnlySpan<byte> rest)
    {
        CheckHeader(header, type);
        if (payload.IsEmpty || payload.Length < 1 + payload[0])
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, $"the {Name(type)} frame is shorter than its instance id");
        }
        instanceId = payload.Slice(1, payload[0]);
        rest = payload[(1 + payload[0])..];
    }

    /// <summary>Throws invalid_request unless the header has this type and a reserved field of 0.</summary>
    public static void CheckHeader(FrameHeader header, FrameType type)
    {
        if (header.Type != (byte)type)
        {
            throw new ArgumentException($"a frame of type 0x{header.Type:X2} read as 0x{(byte)type:X2}", nameof(header));
        }
        if (header.Reserved != 0)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, $"the frame header's reserved field must be 0, got {header.Reserved}");
        }
    }

    /// <summary>The request's name in messages: the JSON command it stands for.</summary>
    public static string Name(FrameType type) => type switch
    {
        FrameType.StepVecRequest => "step_vec",
        FrameType.MakeRequest => "make",
        FrameType.ResetRequest => "reset",
        FrameType.StepRequest => "step",
        FrameType.SampleRequest => "sample",
        FrameType.MakeVecRequest => "make_vec",
        FrameType.ResetVecRequest => "reset_vec",
        _ => $"0x{(byte)type:X2}",
    };
}
