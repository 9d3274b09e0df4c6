using System.Buffers;
using System.Buffers.Binary;
using GymServer.Protocol.Framing;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace GymServer.Protocol.Binary;

/// <summary>
/// The compressed form of a binary frame, written and read (server and C# client alike). A compressed frame's
/// header names its codec in the byte after the type; its payload is the u32 length of the payload once
/// decompressed, then the codec's bytes: an LZ4 block, or one Zstandard frame.
/// </summary>
/// <remarks>
/// Compression happens after a frame is written, in place, so every frame type gets it without knowing of it.
/// Memory stays bounded whatever a peer sends: the declared length is checked against the largest payload accepted
/// before anything is allocated, and decoding never writes past it. Scratch buffers come from the shared array pool
/// and codec contexts are one per thread, so an idle connection holds nothing.
/// </remarks>
/// <param name="codec">The codec agreed at the handshake; <see cref="FrameCodec.None"/> compresses nothing.</param>
/// <param name="minPayloadLength">Payloads shorter than this are sent as they are: too small to gain.</param>
public sealed class FrameCompression(FrameCodec codec, int minPayloadLength = FrameCompression.DefaultMinPayloadLength)
{
    /// <summary>Bytes of the uncompressed-length prefix of a compressed payload.</summary>
    public const int LengthPrefixSize = 4;

    /// <summary>The default threshold: a CartPole step_vec reply of a few envs gains nothing; an image frame does.</summary>
    public const int DefaultMinPayloadLength = 1024;

    /// <summary>
    /// Zstandard's fastest regular level: on Atari-shaped frames it compresses 2 to 3 times faster than the default
    /// level 3 for about 7% more bytes (bench/README.md), and a step's reply is on the critical path.
    /// </summary>
    public const int ZstdLevel = 1;

    [ThreadStatic] private static Compressor? t_zstdCompressor;
    [ThreadStatic] private static Decompressor? t_zstdDecompressor;

    public FrameCodec Codec { get; } = Enum.IsDefined(codec) ? codec : throw new ArgumentOutOfRangeException(nameof(codec));

    public int MinPayloadLength { get; } = minPayloadLength;

    /// <summary>
    /// Compresses the frame written at <paramref name="start"/> (the last thing in <paramref name="output"/>) in
    /// place, when its payload is at least <see cref="MinPayloadLength"/> bytes and comes out smaller; otherwise
    /// leaves it as it is. Returns whether it compressed.
    /// </summary>
    public bool Compress(ReplyBuffer output, int start)
    {
        var payloadLength = output.WrittenCount - start - FrameHeader.Size;
        if (Codec == FrameCodec.None || payloadLength < MinPayloadLength)
        {
            return false;
        }
        var frame = output.Rewrite(start, FrameHeader.Size + payloadLength);
        var scratch = ArrayPool<byte>.Shared.Rent(LengthPrefixSize + MaxCompressedLength(Codec, payloadLength));
        try
        {
            var compressed = Encode(Codec, frame[FrameHeader.Size..], scratch.AsSpan(LengthPrefixSize));
            var length = LengthPrefixSize + compressed;
            if (compressed <= 0 || length >= payloadLength)
            {
                return false;
            }
            BinaryPrimitives.WriteUInt32LittleEndian(scratch, (uint)payloadLength);
            scratch.AsSpan(0, length).CopyTo(frame[FrameHeader.Size..]);
            FrameHeader.Write(frame, (FrameType)frame[1], length, Codec);
            output.Truncate(start + FrameHeader.Size + length);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// The length a compressed payload says it has once decompressed. Refused with <c>line_too_long</c> past
    /// <paramref name="maxLength"/> (before the caller allocates anything), with <c>invalid_request</c> when the
    /// payload is shorter than its prefix.
    /// </summary>
    public static int UncompressedLength(ReadOnlySpan<byte> payload, int maxLength)
    {
        if (payload.Length < LengthPrefixSize)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                $"a compressed frame's payload starts with its {LengthPrefixSize}-byte uncompressed length; this one has {payload.Length} bytes");
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        return length <= (uint)maxLength
            ? (int)length
            : throw new ProtocolException(ProtocolErrorCodes.LineTooLong,
                $"the frame's payload decompresses to {length} bytes, longer than {maxLength} bytes; it was discarded");
    }

    /// <summary>
    /// Decompresses a compressed payload (prefix included) into <paramref name="destination"/>, which is exactly as
    /// long as <see cref="UncompressedLength"/> said. Data that does not decode to exactly that many bytes is refused
    /// with <c>invalid_request</c>.
    /// </summary>
    public static void Decompress(FrameCodec codec, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        var data = payload[LengthPrefixSize..];
        var written = codec switch
        {
            FrameCodec.Lz4 => LZ4Codec.Decode(data, destination),
            FrameCodec.Zstd => DecodeZstd(data, destination),
            _ => throw new ProtocolException(ProtocolErrorCodes.InvalidRequest, $"unknown frame compression {(byte)codec}"),
        };
        if (written != destination.Length)
        {
            throw new ProtocolException(ProtocolErrorCodes.InvalidRequest,
                $"the frame's {FrameCodecs.NameOf(codec)} payload does not decompress to the {destination.Length} bytes it declares");
        }
    }

    /// <summary>A compressed payload decompressed into a new array (the C# client's replies).</summary>
    public static byte[] Decompress(FrameCodec codec, ReadOnlySpan<byte> payload, int maxLength)
    {
        var result = new byte[UncompressedLength(payload, maxLength)];
        Decompress(codec, payload, result);
        return result;
    }

    private static int MaxCompressedLength(FrameCodec codec, int length) =>
        codec == FrameCodec.Lz4 ? LZ4Codec.MaximumOutputSize(length) : Compressor.GetCompressBound(length);

    private static int Encode(FrameCodec codec, ReadOnlySpan<byte> source, Span<byte> destination) => codec switch
    {
        FrameCodec.Lz4 => LZ4Codec.Encode(source, destination, LZ4Level.L00_FAST),
        _ => (t_zstdCompressor ??= new Compressor(ZstdLevel)).Wrap(source, destination),
    };

    /// <summary>-1 for data Zstandard refuses (corrupt, or more than the destination holds).</summary>
    private static int DecodeZstd(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        try
        {
            return (t_zstdDecompressor ??= new Decompressor()).TryUnwrap(data, destination, out var written) ? written : -1;
        }
        catch (ZstdException)
        {
            return -1;
        }
    }
}
