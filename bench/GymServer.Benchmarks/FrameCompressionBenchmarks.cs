using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using GymServer.Protocol.Binary;
using GymServer.Protocol.Framing;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace GymServer.Benchmarks;

/// <summary>
/// CPU per Atari-shaped frame (210x160x3 uint8, 100,800 bytes) of the frame compression of protocol 2
/// (<see cref="FrameCompression"/>), against the copy of the frame into a reply that every reply pays anyway
/// (<see cref="CopyOnly"/>, the baseline). The compressed sizes are printed at setup. zstd3 is Zstandard's default
/// level, measured to show why the server uses level 1.
/// </summary>
[MemoryDiagnoser]
public class FrameCompressionBenchmarks
{
    private const int Height = 210;
    private const int Width = 160;
    private const int Bytes = Height * Width * 3;

    private readonly ReplyBuffer _output = new(Bytes + 1024);
    private byte[] _frame = [];
    private byte[] _compressed = [];
    private readonly byte[] _decompressed = new byte[Bytes];
    private FrameCompression _compression = null!;
    private Compressor? _zstd3;

    /// <summary>lz4 and zstd as the server runs them (fast level, level 1), and Zstandard's default level 3.</summary>
    [Params("lz4", "zstd", "zstd3")]
    public string Codec { get; set; } = "lz4";

    /// <summary>
    /// breakout: flat background, walls, bricks, paddle, score; busy: 4x4 blocks of 16 colours everywhere; noise:
    /// random bytes, the worst case (nothing gained, the frame goes uncompressed after the attempt).
    /// </summary>
    [Params("breakout", "busy", "noise")]
    public string Frame { get; set; } = "breakout";

    [GlobalSetup]
    public void Setup()
    {
        _frame = Frame switch
        {
            "breakout" => BreakoutLike(),
            "busy" => Busy(),
            _ => Noise(),
        };
        _compression = new FrameCompression(Codec == "lz4" ? FrameCodec.Lz4 : FrameCodec.Zstd);
        _zstd3 = Codec == "zstd3" ? new Compressor(3) : null;
        Compress();
        if (_output.WrittenSpan[2] == 0)
        {
            // Sent uncompressed (noise): decompression is measured on the codec's output all the same.
            _compressed = ForcedCompression();
        }
        else
        {
            _compressed = _output.WrittenSpan[FrameHeader.Size..].ToArray();
        }
        var sent = _output.WrittenCount - FrameHeader.Size;
        Console.WriteLine($"// {Codec} {Frame}: {Bytes} -> {sent} bytes sent ({(double)Bytes / sent:F1}x)");
    }

    [Benchmark(Baseline = true)]
    public int CopyOnly() => Write();

    [Benchmark]
    public int Compress()
    {
        Write();
        if (_zstd3 is null)
        {
            _compression.Compress(_output, 0);
            return _output.WrittenCount;
        }
        // Level 3 through the same library, into the same buffer, prefix included.
        var payload = _output.WrittenSpan[FrameHeader.Size..].ToArray();
        _output.Truncate(FrameHeader.Size + FrameCompression.LengthPrefixSize);
        BinaryPrimitives.WriteUInt32LittleEndian(_output.Rewrite(FrameHeader.Size, FrameCompression.LengthPrefixSize), (uint)payload.Length);
        var written = _zstd3.Wrap(payload, _output.GetSpan(Compressor.GetCompressBound(payload.Length)));
        _output.Advance(written);
        return _output.WrittenCount;
    }

    [Benchmark]
    public byte Decompress()
    {
        FrameCompression.Decompress(Codec == "lz4" ? FrameCodec.Lz4 : FrameCodec.Zstd, _compressed, _decompressed);
        return _decompressed[^1];
    }

    private int Write()
    {
        _output.Clear();
        var span = _output.GetSpan(FrameHeader.Size + Bytes);
        FrameHeader.Write(span, FrameType.StepVecReply, Bytes);
        _frame.CopyTo(span[FrameHeader.Size..]);
        _output.Advance(FrameHeader.Size + Bytes);
        return _output.WrittenCount;
    }

    /// <summary>The codec's output for the frame even when larger than the frame (for Decompress on noise).</summary>
    private byte[] ForcedCompression()
    {
        byte[] data;
        if (Codec == "lz4")
        {
            var target = new byte[LZ4Codec.MaximumOutputSize(Bytes)];
            data = target.AsSpan(0, LZ4Codec.Encode(_frame, target)).ToArray();
        }
        else
        {
            using var compressor = new Compressor(Codec == "zstd" ? FrameCompression.ZstdLevel : 3);
            data = compressor.Wrap(_frame).ToArray();
        }
        var result = new byte[FrameCompression.LengthPrefixSize + data.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(result, Bytes);
        data.CopyTo(result, FrameCompression.LengthPrefixSize);
        return result;
    }

    private static byte[] Noise()
    {
        var frame = new byte[Bytes];
        new System.Random(4).NextBytes(frame);
        return frame;
    }

    /// <summary>Breakout's layout: black, grey walls, six rows of coloured bricks, a paddle, a ball, a score.</summary>
    private static byte[] BreakoutLike()
    {
        var frame = new byte[Bytes];
        byte[][] bricks = [[200, 72, 72], [198, 108, 58], [180, 122, 48], [162, 162, 42], [72, 160, 72], [66, 72, 200]];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                byte[] colour = y is >= 17 and < 32 || x < 8 || x >= 152 ? [142, 142, 142]
                    : y is >= 57 and < 93 ? bricks[(y - 57) / 6]
                    : y is >= 189 and < 193 && x is >= 70 and < 86 ? [200, 72, 72]
                    : y is >= 120 and < 124 && x is >= 90 and < 92 ? [200, 72, 72]
                    : y is >= 5 and < 15 && (x / 4 % 3 == 0) && x is > 30 and < 130 ? [142, 142, 142]
                    : [0, 0, 0];
                colour.CopyTo(frame, (y * Width + x) * 3);
            }
        }
        return frame;
    }

    /// <summary>A busy scene: every 4x4 block one of 16 palette colours (Atari's palette is small).</summary>
    private static byte[] Busy()
    {
        var random = new System.Random(3);
        var palette = Enumerable.Range(0, 16).Select(_ => new[] { (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256) }).ToArray();
        var blocks = Enumerable.Range(0, Height / 4 + 1).Select(_ => Enumerable.Range(0, Width / 4).Select(_ => random.Next(16)).ToArray()).ToArray();
        var frame = new byte[Bytes];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                palette[blocks[y / 4][x / 4]].CopyTo(frame, (y * Width + x) * 3);
            }
        }
        return frame;
    }
}
