using System.Buffers.Binary;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The 8-byte header of a binary frame: u8 magic 0xB7, u8 type, u8 codec, u8 reserved (0), u32 payload length,
/// little-endian. The codec byte was the low half of a u16 reserved field: frames of clients that never compress
/// read as before.
/// </summary>
/// <param name="Type">The frame's type byte (not necessarily a known <see cref="FrameType"/>).</param>
/// <param name="Reserved">The codec byte (low) and the reserved byte (high); 0 in every uncompressed frame.</param>
/// <param name="Length">The payload's length in bytes.</param>
public readonly record struct FrameHeader(byte Type, ushort Reserved, uint Length)
{
    /// <summary>The first byte of every frame: a UTF-8 continuation byte, so never the first byte of a JSON line.</summary>
    public const byte Magic = 0xB7;

    /// <summary>Bytes in a header.</summary>
    public const int Size = 8;

    /// <summary>How the payload is compressed (the third byte); 0 for none. May be a value no codec has.</summary>
    public FrameCodec Codec => (FrameCodec)(Reserved & 0xFF);

    /// <summary>Reads a header from 8 bytes starting with the magic byte.</summary>
    public static FrameHeader Read(ReadOnlySpan<byte> bytes) =>
        new(bytes[1], BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]), BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]));

    /// <summary>Writes a header into the first 8 bytes of <paramref name="destination"/>.</summary>
    public static void Write(Span<byte> destination, FrameType type, int length, FrameCodec codec = FrameCodec.None)
    {
        destination[0] = Magic;
        destination[1] = (byte)type;
        destination[2] = (byte)codec;
        destination[3] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)length);
    }
}
