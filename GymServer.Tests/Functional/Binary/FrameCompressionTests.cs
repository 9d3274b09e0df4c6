using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using K4os.Compression.LZ4;
using ZstdSharp;

namespace GymServer.Tests.Functional.Binary;

/// <summary>
/// Compression of binary frames over real sockets: the handshake's codec negotiation, replies decompressed here with
/// the codecs' own libraries (not the server's framing code) and compared byte for byte with an uncompressed
/// connection's, compressed requests, and the errors for bad compressed frames, after which the connection goes on.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FrameCompressionTests(GymServerFactory server)
{
    private const byte Lz4 = 1;
    private const byte Zstd = 2;

    [Theory]
    [InlineData("""["zstd","lz4"]""", "zstd")]
    [InlineData("""["lz4","zstd"]""", "lz4")]
    [InlineData("""["brotli","lz4"]""", "lz4")]
    [InlineData("""["brotli"]""", "none")]
    [InlineData("""["none","zstd"]""", "none")]
    [InlineData("[]", "none")]
    public async Task TheServerPicksTheFirstProposedCodecItKnowsAndAllows(string proposed, string expected)
    {
        await using var client = await BinaryWireClient.ConnectWithoutHandshakeAsync(server.TcpPort);
        var reply = await client.RequestAsync("""{"server":{"protocol":2,"encoding":"binary","codecs":""" + proposed + "}}");
        Assert.Equal("binary", reply.GetProperty("encoding").GetString());
        Assert.Equal(expected, reply.GetProperty("codec").GetString());
        // Sent again in protocol 2 (the encoding stays binary), the handshake sets the codec anew.
        var again = await client.RequestAsync("""{"server":{"protocol":2,"codecs":["lz4"]}}""");
        Assert.Equal("lz4", again.GetProperty("codec").GetString());
        Assert.False((await client.RequestAsync("""{"server":{"protocol":2}}""")).TryGetProperty("codec", out _));
    }

    [Fact]
    public async Task ACodecTheNodeDoesNotAllowGivesNone()
    {
        await using var lz4Only = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Tcp:Compression:0"] = "lz4" });
        await using var client = await BinaryWireClient.ConnectWithoutHandshakeAsync(lz4Only.TcpPort);
        var zstd = await client.RequestAsync("""{"server":{"protocol":2,"encoding":"binary","codecs":["zstd"]}}""");
        Assert.Equal("none", zstd.GetProperty("codec").GetString());
        var either = await client.RequestAsync("""{"server":{"protocol":2,"codecs":["zstd","lz4"]}}""");
        Assert.Equal("lz4", either.GetProperty("codec").GetString());
    }

    [Theory]
    [InlineData("""{"server":{"protocol":2,"encoding":"binary","codecs":"lz4"}}""", "invalid_argument", "server.codecs must be a list")]
    [InlineData("""{"server":{"protocol":2,"encoding":"binary","codecs":[1]}}""", "invalid_argument", "server.codecs must be a list")]
    [InlineData("""{"server":{"protocol":2,"encoding":"binary","codecs":["a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a"]}}""", "invalid_argument", "at most 16")]
    [InlineData("""{"server":{"protocol":2,"codecs":["lz4"]}}""", "invalid_argument", "compress binary frames")]
    [InlineData("""{"server":{"protocol":1,"codecs":["lz4"]}}""", "invalid_argument", "need protocol 2")]
    [InlineData("""{"server":{"codecs":["lz4"]}}""", "invalid_request", "server.codecs comes with server.protocol")]
    public async Task BadProposalsAreRefusedAndTheConnectionGoesOn(string handshake, string code, string message)
    {
        await using var client = await BinaryWireClient.ConnectWithoutHandshakeAsync(server.TcpPort);
        Replies.AssertError(await client.RequestAsync(handshake), code, message);
        var reply = await client.RequestAsync("""{"server":{"protocol":2,"encoding":"binary","codecs":["lz4"]}}""");
        Assert.Equal("lz4", reply.GetProperty("codec").GetString());
    }

    [Theory]
    [InlineData("lz4", Lz4)]
    [InlineData("zstd", Zstd)]
    public async Task CompressedRepliesDecompressToTheUncompressedOnes(string name, byte codec)
    {
        await using var plain = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        await using var compressed = await ConnectAsync(name);
        // 128 CartPoles: a 2,100-byte reply payload, over the 1,024-byte threshold; 2 of them stay under it.
        var big = await StartAsync(plain, 128);
        var bigCompressed = await StartAsync(compressed, 128);
        var small = await StartAsync(compressed, 2);
        for (var step = 0; step < 30; step++)
        {
            var actions = Actions(128, step);
            await plain.SendStepVecAsync(big, actions);
            await compressed.SendStepVecAsync(bigCompressed, actions);
            var (_, expected) = await plain.ReadFrameAsync();
            var (type, replyCodec, payload) = await compressed.ReadRawFrameAsync();
            Assert.Equal(0x81, type);
            Assert.Equal(codec, replyCodec);
            Assert.True(payload.Length < expected.Length, $"{payload.Length} bytes for {expected.Length}");
            Assert.Equal(expected, Decompress(codec, payload));

            await compressed.SendStepVecAsync(small, Actions(2, step));
            var (_, smallCodec, smallPayload) = await compressed.ReadRawFrameAsync();
            Assert.Equal(0, smallCodec);
            Assert.Equal(2, DecodedStep.Decode(smallPayload).Count);
        }
    }

    [Theory]
    [InlineData("lz4", Lz4)]
    [InlineData("zstd", Zstd)]
    public async Task CompressedRequestsStepLikeUncompressedOnes(string name, byte codec)
    {
        await using var plain = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        await using var compressed = await ConnectAsync(name);
        var expectedVector = await StartAsync(plain, 128);
        var vector = await StartAsync(compressed, 128);
        for (var step = 0; step < 10; step++)
        {
            var actions = Actions(128, step);
            var expected = await plain.StepVecAsync(expectedVector, actions);
            await compressed.SendAsync(CompressedFrame(codec, StepVecPayload(vector, actions)));
            var (type, replyCodec, payload) = await compressed.ReadRawFrameAsync();
            Assert.Equal(0x81, type);
            var actual = DecodedStep.Decode(Decompress(replyCodec, payload));
            Assert.Equal(expected.Observations, actual.Observations);
            Assert.Equal(expected.Rewards, actual.Rewards);
        }
    }

    [Fact]
    public async Task BadCompressedFramesGetErrorFramesAndTheConnectionGoesOn()
    {
        await using var client = await ConnectAsync("lz4");
        var vector = await StartAsync(client, 2);
        var good = StepVecPayload(vector, Actions(2, 0));

        var corrupt = Prefixed(good.Length, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01]);
        var bomb = Prefixed(int.MaxValue, [0x1F, 0x00, 0x01, 0x00]);
        var wrongLength = Prefixed(good.Length + 1, CompressedFrame(Lz4, good).AsSpan(12).ToArray());
        var cases = new (byte[] Frame, string Code, string Message)[]
        {
            (Frame(Lz4, corrupt), "invalid_request", "does not decompress"),
            (Frame(Lz4, bomb), "line_too_long", "decompresses to 2147483647 bytes"),
            (Frame(Lz4, wrongLength), "invalid_request", "does not decompress to the"),
            (Frame(Lz4, [1, 2]), "invalid_request", "uncompressed length"),
            (CompressedFrame(Zstd, good), "invalid_request", "compressed with zstd, but this connection agreed to lz4"),
            (Frame(9, Prefixed(good.Length, good)), "invalid_request", "unknown codec 9"),
        };
        foreach (var (frame, code, message) in cases)
        {
            await client.SendAsync(frame);
            var (type, payload) = await client.ReadFrameAsync();
            Assert.Equal(0x7F, type);
            Replies.AssertError(JsonDocument.Parse(payload).RootElement, code, message);
            // The next frame steps as usual.
            await client.SendAsync(CompressedFrame(Lz4, good));
            Assert.Equal(2, DecodedStep.Decode((await client.ReadFrameAsync()).Payload).Count);
        }
    }

    [Fact]
    public async Task ACompressedFrameOnAConnectionWithoutACodecIsRefused()
    {
        await using var client = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        var vector = await StartAsync(client, 1);
        await client.SendAsync(CompressedFrame(Lz4, StepVecPayload(vector, Actions(1, 0))));
        var (type, payload) = await client.ReadFrameAsync();
        Assert.Equal(0x7F, type);
        Replies.AssertError(JsonDocument.Parse(payload).RootElement, "invalid_request", "agreed to none");
    }

    private async Task<BinaryWireClient> ConnectAsync(string codec)
    {
        var client = await BinaryWireClient.ConnectWithoutHandshakeAsync(server.TcpPort);
        var reply = await client.RequestAsync("""{"server":{"protocol":2,"encoding":"binary","codecs":[""" + $"\"{codec}\"]}}}}");
        Assert.Equal(codec, reply.GetProperty("codec").GetString());
        return client;
    }

    private static async Task<string> StartAsync(BinaryWireClient client, int count)
    {
        var made = await client.RequestAsync(JsonSerializer.Serialize(new { make_vec = new { id = "CartPole-v1", num_envs = count } }));
        var instance = made.GetProperty("instance").GetString()!;
        await client.RequestAsync(JsonSerializer.Serialize(new { reset_vec = new { instance, seed = 42 } }));
        return instance;
    }

    private static byte[] Actions(int count, int step)
    {
        var actions = new byte[count * 8];
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(actions.AsSpan(i * 8), (i + step) % 2);
        }
        return actions;
    }

    private static byte[] StepVecPayload(string instance, byte[] actions) =>
        [(byte)instance.Length, .. Encoding.ASCII.GetBytes(instance), .. actions];

    /// <summary>A frame whose header names <paramref name="codec"/>, around a payload as given.</summary>
    private static byte[] Frame(byte codec, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = 0xB7;
        frame[1] = 0x01;
        frame[2] = codec;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    /// <summary>A step_vec frame compressed as docs/protocol.md says: u32 uncompressed length, then the codec's bytes.</summary>
    private static byte[] CompressedFrame(byte codec, byte[] payload)
    {
        byte[] data;
        if (codec == Lz4)
        {
            var target = new byte[LZ4Codec.MaximumOutputSize(payload.Length)];
            data = target.AsSpan(0, LZ4Codec.Encode(payload, target)).ToArray();
        }
        else
        {
            using var compressor = new Compressor(3);
            data = compressor.Wrap(payload).ToArray();
        }
        return Frame(codec, Prefixed(payload.Length, data));
    }

    private static byte[] Prefixed(int length, byte[] data)
    {
        var bytes = new byte[4 + data.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)length);
        data.CopyTo(bytes, 4);
        return bytes;
    }

    private static byte[] Decompress(byte codec, byte[] payload)
    {
        if (codec == 0)
        {
            return payload;
        }
        var result = new byte[BinaryPrimitives.ReadInt32LittleEndian(payload)];
        var data = payload.AsSpan(4);
        if (codec == Lz4)
        {
            Assert.Equal(result.Length, LZ4Codec.Decode(data, result));
        }
        else
        {
            using var decompressor = new Decompressor();
            Assert.Equal(result.Length, decompressor.Unwrap(data, result));
        }
        return result;
    }
}
