using System.Buffers;

namespace GymServer.Protocol.Binary;

/// <summary>
/// Takes binary frames off the front of a connection's byte stream, without copying the payload. One instance per
/// connection: it remembers how much of a refused (too long) payload it still has to skip.
/// </summary>
/// <remarks>
/// The header gives the payload's length, so an oversized payload is known at once and skipped without being held:
/// the server never buffers more than one maximum payload per frame.
/// </remarks>
public sealed class FrameReader
{
    private long _toSkip;

    public FrameReader(int maxPayloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPayloadLength, 1);
        MaxPayloadLength = maxPayloadLength;
    }

    /// <summary>The longest payload accepted, in bytes.</summary>
    public int MaxPayloadLength { get; }

    /// <summary>Whether the reader is skipping the rest of a payload that was too long.</summary>
    public bool IsDiscarding => _toSkip > 0;

    /// <summary>Whether the buffer starts with a frame's magic byte.</summary>
    public static bool StartsWithFrame(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return false;
        }
        var first = buffer.FirstSpan;
        return (first.IsEmpty ? buffer.Slice(0, 1).ToArray()[0] : first[0]) == FrameHeader.Magic;
    }

    /// <summary>
    /// Takes the next frame off the front of <paramref name="buffer"/>, which starts with a frame (or with the rest
    /// of a payload being skipped). On <see cref="FrameStatus.Frame"/> the buffer starts after the payload; on
    /// <see cref="FrameStatus.TooLong"/> after what arrived of the refused frame; on
    /// <see cref="FrameStatus.NeedMoreData"/> it is unchanged, or emptied of skipped bytes.
    /// </summary>
    public FrameStatus TryRead(ref ReadOnlySequence<byte> buffer, out FrameHeader header, out ReadOnlySequence<byte> payload)
    {
        header = default;
        payload = default;
        if (_toSkip > 0 && !Skip(ref buffer))
        {
            return FrameStatus.NeedMoreData;
        }
        if (buffer.Length < FrameHeader.Size)
        {
            return FrameStatus.NeedMoreData;
        }
        Span<byte> bytes = stackalloc byte[FrameHeader.Size];
        buffer.Slice(0, FrameHeader.Size).CopyTo(bytes);
        if (bytes[0] != FrameHeader.Magic)
        {
            throw new InvalidOperationException("the buffer does not start with a binary frame");
        }
        header = FrameHeader.Read(bytes);
        if (header.Length > MaxPayloadLength)
        {
            buffer = buffer.Slice(FrameHeader.Size);
            _toSkip = header.Length;
            Skip(ref buffer);
            return FrameStatus.TooLong;
        }
        var total = FrameHeader.Size + (long)header.Length;
        if (buffer.Length < total)
        {
            return FrameStatus.NeedMoreData;
        }
        payload = buffer.Slice(FrameHeader.Size, header.Length);
        buffer = buffer.Slice(total);
        return FrameStatus.Frame;
    }

    /// <summary>Skips what it can of a refused payload; true once all of it is gone.</summary>
    private bool Skip(ref ReadOnlySequence<byte> buffer)
    {
        var skipped = Math.Min(_toSkip, buffer.Length);
        buffer = buffer.Slice(skipped);
        _toSkip -= skipped;
        return _toSkip == 0;
    }
}
