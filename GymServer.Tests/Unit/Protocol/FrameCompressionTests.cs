using System.Buffers.Binary;
using GymServer.Protocol;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;

namespace GymServer.Tests.Unit.Protocol;

/// <summary><see cref="FrameCompression"/>: in-place compression of a written frame, and the bounded way back.</summary>
public sealed class FrameCompressionTests
{
    [Theory]
    [InlineData(FrameCodec.Lz4)]
    [InlineData(FrameCodec.Zstd)]
    public void AnAtariShapedFrameCompressesInPlaceAndComesBack(FrameCodec codec)
    {
        var payload = AtariShaped();
        var output = new ReplyBuffer();
        output.GetSpan(3)[..3].Fill(0x55); // a reply written before this frame stays untouched
        output.Advance(3);
        var start = Write(output, payload);

        Assert.True(new FrameCompression(codec).Compress(output, start));

        var header = FrameHeader.Read(output.WrittenSpan[start..]);
        Assert.Equal(codec, header.Codec);
        Assert.Equal(0x81, header.Type);
        Assert.Equal(output.WrittenCount - start - FrameHeader.Size, (int)header.Length);
        Assert.True(header.Length < payload.Length / 4, $"{header.Length} bytes");
        Assert.Equal([0x55, 0x55, 0x55], output.WrittenSpan[..3].ToArray());
        var compressed = output.WrittenSpan[(start + FrameHeader.Size)..];
        Assert.Equal(payload.Length, FrameCompression.UncompressedLength(compressed, payload.Length));
        Assert.Equal(payload, FrameCompression.Decompress(codec, compressed, payload.Length));
    }

    [Fact]
    public void SmallAndIncompressiblePayloadsStayAsTheyAre()
    {
        var random = new byte[4096];
        new System.Random(1).NextBytes(random);
        foreach (var (payload, codec) in new[] { (new byte[1023], FrameCodec.Lz4), (random, FrameCodec.Zstd), (random, FrameCodec.Lz4), (AtariShaped(), FrameCodec.None) })
        {
            var output = new ReplyBuffer();
            Write(output, payload);
            var before = output.WrittenSpan.ToArray();
            Assert.False(new FrameCompression(codec).Compress(output, 0));
            Assert.Equal(before, output.WrittenSpan.ToArray());
        }
    }

    [Fact]
    public void ADeclaredLengthPastTheMaximumIsRefusedBeforeDecoding()
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, uint.MaxValue);
        var error = Assert.Throws<ProtocolException>(() => FrameCompression.Decompress(FrameCodec.Zstd, payload, 1 << 20));
        Assert.Equal(ProtocolErrorCodes.LineTooLong, error.Code);
        Assert.Equal(ProtocolErrorCodes.InvalidRequest,
            Assert.Throws<ProtocolException>(() => FrameCompression.UncompressedLength([1, 2, 3], 100)).Code);
    }

    [Theory]
    [InlineData(FrameCodec.Lz4)]
    [InlineData(FrameCodec.Zstd)]
    public void CorruptDataIsRefused(FrameCodec codec)
    {
        var output = new ReplyBuffer();
        Write(output, AtariShaped());
        new FrameCompression(codec).Compress(output, 0);
        var compressed = output.WrittenSpan[FrameHeader.Size..].ToArray();
        compressed[^10] ^= 0xFF;
        compressed[10] ^= 0xFF;
        var error = Assert.Throws<ProtocolException>(() => FrameCompression.Decompress(codec, compressed, 1 << 20));
        Assert.Equal(ProtocolErrorCodes.InvalidRequest, error.Code);
    }

    [Fact]
    public void TheFirstKnownAllowedProposalWins()
    {
        Assert.Equal(FrameCodec.Zstd, FrameCodecs.Choose(["brotli", "zstd", "lz4"], FrameCodecs.Compressing));
        Assert.Equal(FrameCodec.None, FrameCodecs.Choose(["zstd"], [FrameCodec.Lz4]));
        Assert.Equal(FrameCodec.None, FrameCodecs.Choose(["none", "lz4"], FrameCodecs.Compressing));
        Assert.Equal(FrameCodec.None, FrameCodecs.Choose([], FrameCodecs.Compressing));
    }

    /// <summary>A 210x160x3 frame like Atari's: a few flat colours, a band of detail.</summary>
    private static byte[] AtariShaped()
    {
        var frame = new byte[210 * 160 * 3];
        var random = new System.Random(5);
        for (var i = 0; i < frame.Length; i++)
        {
            var row = i / (160 * 3);
            frame[i] = row is > 100 and < 110 ? (byte)random.Next(256) : (byte)(row / 30 * 40);
        }
        return frame;
    }

    private static int Write(ReplyBuffer output, byte[] payload)
    {
        var start = output.WrittenCount;
        var span = output.GetSpan(FrameHeader.Size + payload.Length);
        FrameHeader.Write(span, FrameType.StepVecReply, payload.Length);
        payload.CopyTo(span[FrameHeader.Size..]);
        output.Advance(FrameHeader.Size + payload.Length);
        return start;
    }
}
