using System.Buffers;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The frames whose payload is one UTF-8 JSON object, for messages that carry no observations or actions: make
/// (0x02, its reply 0x82) and make_vec (0x06, 0x86), whose payloads are the JSON request's arguments and the JSON
/// reply, byte for byte; and the error reply (0x7F, see <see cref="ErrorFrame"/>).
/// </summary>
public static class JsonFrame
{
    /// <summary>Writes a frame of <paramref name="type"/> whose payload is <paramref name="json"/>.</summary>
    public static void Write(IBufferWriter<byte> output, FrameType type, ReadOnlySpan<byte> json)
    {
        var span = output.GetSpan(FrameHeader.Size + json.Length);
        FrameHeader.Write(span, type, json.Length);
        json.CopyTo(span[FrameHeader.Size..]);
        output.Advance(FrameHeader.Size + json.Length);
    }

    /// <summary>Checks a request's header (type and reserved field) and returns its JSON payload.</summary>
    public static ReadOnlySpan<byte> Read(FrameHeader header, FrameType type, ReadOnlySpan<byte> payload)
    {
        FrameInstance.CheckHeader(header, type);
        return payload;
    }
}
