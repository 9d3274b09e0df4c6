using System.Buffers.Binary;

namespace GymServer.Engine.Python;

/// <summary>
/// The frame header both directions share: u32 length (of everything after it), u8 kind, u32 call id,
/// u32 env handle, u32 meta length; then the JSON meta and the binary payload. All little-endian.
/// </summary>
internal static class WorkerFrame
{
    public const int HeaderSize = 17;

    /// <summary>Bytes of the header that the length field counts.</summary>
    public const int HeaderAfterLength = HeaderSize - 4;

    public const byte StatusOk = 0;
    public const byte StatusError = 1;

    /// <summary>Writes a whole request frame into <paramref name="destination"/>, which is exactly its size.</summary>
    public static void WriteRequest(
        Span<byte> destination, WorkerCommand command, uint call, uint env, ReadOnlySpan<byte> meta, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)(HeaderAfterLength + meta.Length + payload.Length));
        destination[4] = (byte)command;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[5..], call);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[9..], env);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[13..], (uint)meta.Length);
        meta.CopyTo(destination[HeaderSize..]);
        payload.CopyTo(destination[(HeaderSize + meta.Length)..]);
    }

    public static int RequestSize(int metaLength, int payloadLength) => HeaderSize + metaLength + payloadLength;
}
