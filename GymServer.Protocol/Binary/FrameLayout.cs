using System.Buffers.Binary;

namespace GymServer.Protocol.Binary;

/// <summary>Reading the parts of a reply payload, each checked against its length (<see cref="FormatException"/> when not).</summary>
internal static class FrameLayout
{
    /// <summary>A u32 length at <paramref name="at"/> and that many bytes after it; <paramref name="end"/> is where they end.</summary>
    public static ReadOnlySpan<byte> Sized(ReadOnlySpan<byte> payload, int at, string frame, out int end)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(Take(payload, at, 4, frame));
        if (length > payload.Length - at - 4)
        {
            throw Short(payload, frame);
        }
        end = at + 4 + (int)length;
        return payload.Slice(at + 4, (int)length);
    }

    /// <summary>The <paramref name="length"/> bytes at <paramref name="at"/>.</summary>
    public static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> payload, int at, int length, string frame) =>
        at >= 0 && length >= 0 && length <= payload.Length - at ? payload.Slice(at, length) : throw Short(payload, frame);

    /// <summary>Throws unless the payload ends at <paramref name="at"/>.</summary>
    public static void End(ReadOnlySpan<byte> payload, int at, string frame)
    {
        if (at != payload.Length)
        {
            throw new FormatException($"a {frame} of {payload.Length} bytes has {payload.Length - at} bytes after its last field");
        }
    }

    private static FormatException Short(ReadOnlySpan<byte> payload, string frame) => new($"a {frame} of {payload.Length} bytes is cut short");
}
