using System.Buffers;
using System.Numerics;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The 0x03 (reset) and 0x07 (reset_vec) frames: a payload of u8 L, L ASCII bytes of the instance id, u8 S, the
/// seed as S bytes of an unsigned little-endian integer (S = 0: no seed, the env's generator continues), then the
/// options as a UTF-8 JSON object, or nothing for none. A client writes it with <see cref="Write"/>, the server reads
/// it with <see cref="Read"/>.
/// </summary>
public static class ResetRequestFrame
{
    /// <summary>Writes the frame; <paramref name="options"/> is the options' JSON object, or empty for none.</summary>
    public static void Write(IBufferWriter<byte> output, FrameType type, string instance, BigInteger? seed, ReadOnlySpan<byte> options)
    {
        CheckType(type);
        if (seed is { Sign: < 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "a seed is a non-negative integer");
        }
        var seedSize = seed is BigInteger s ? (s.IsZero ? 1 : s.GetByteCount(isUnsigned: true)) : 0;
        if (seedSize > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(seed), "a seed of more than 255 bytes does not fit a frame");
        }
        var idSize = FrameInstance.Size(instance);
        var payloadLength = idSize + 1 + seedSize + options.Length;
        var span = output.GetSpan(FrameHeader.Size + payloadLength)[..(FrameHeader.Size + payloadLength)];
        FrameHeader.Write(span, type, payloadLength);
        var at = FrameHeader.Size + FrameInstance.Write(span[FrameHeader.Size..], instance);
        span[at++] = (byte)seedSize;
        if (seed is BigInteger value)
        {
            span.Slice(at, seedSize).Clear();
            value.TryWriteBytes(span.Slice(at, seedSize), out _, isUnsigned: true, isBigEndian: false);
        }
        at += seedSize;
        options.CopyTo(span[at..]);
        output.Advance(FrameHeader.Size + payloadLength);
    }

    /// <summary>
    /// Reads the instance id, the seed (null when S = 0) and the options' JSON (empty for none). Throws
    /// invalid_request when the payload ends inside the seed.
    /// </summary>
    public static void Read(FrameHeader header, ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> instanceId, out BigInteger? seed, out ReadOnlySpan<byte> options)
    {
        var type = (FrameType)header.Type;
        CheckType(type);
        FrameInstance.Read(header, type, payload, out instanceId, out var rest);
        if (rest.IsEmpty || rest.Length < 1 + rest[0])
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, $"the {FrameInstance.Name(type)} frame ends inside its seed");
        }
        var seedSize = rest[0];
        seed = seedSize == 0 ? null : new BigInteger(rest.Slice(1, seedSize), isUnsigned: true, isBigEndian: false);
        options = rest[(1 + seedSize)..];
    }

    private static void CheckType(FrameType type)
    {
        if (type is not (FrameType.ResetRequest or FrameType.ResetVecRequest))
        {
            throw new ArgumentException($"a reset frame is 0x03 or 0x07, not 0x{(byte)type:X2}", nameof(type));
        }
    }
}
