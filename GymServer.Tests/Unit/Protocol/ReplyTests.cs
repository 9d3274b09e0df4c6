using System.IO.Compression;
using System.Text;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Sessions;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Framing;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.V1;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>Reply bodies: numbers as Python writes them, space descriptions, framing and compression.</summary>
public sealed class ReplyTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e22, "1e+22")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(-3.4028234663852886e+38, "-3.4028234663852886e+38")]
    [InlineData(double.NaN, "\"nan\"")]
    [InlineData(double.PositiveInfinity, "\"inf\"")]
    public void Float64AsPythonReprs(double value, string expected) =>
        Assert.Equal(expected, Write(writer => PythonJson.WriteFloat(writer, value)));

    [Fact]
    public void Float32ObservationsReadBackToTheirExactBits()
    {
        var random = new System.Random(1234);
        Span<byte> bits = stackalloc byte[4];
        for (var i = 0; i < 100_000; i++)
        {
            random.NextBytes(bits);
            var value = BitConverter.ToSingle(bits);
            if (!float.IsFinite(value))
            {
                continue;
            }
            var text = Write(writer => PythonJson.WriteFloat(writer, value));
            Assert.True(text.Contains('.') || text.Contains('e'), text);
            Assert.Equal(BitConverter.SingleToInt32Bits(value), BitConverter.SingleToInt32Bits((float)double.Parse(text)));
        }
    }

    [Theory]
    [InlineData(1.0, false, "1.0")]
    [InlineData(1.0, true, "1")]
    [InlineData(-1.0, true, "-1")]
    [InlineData(0.5, true, "0.5")]
    public void RewardsKeepTheirPythonType(double reward, bool integer, string expected) =>
        Assert.Equal(expected, Write(writer => PythonJson.WriteReward(writer, reward, integer)));

    [Fact]
    public void BoxDescriptionsUseFlatBoundsAndBigNumbersForInfinity()
    {
        var box = new Box([-1, double.NegativeInfinity, 0, 0], [1, double.PositiveInfinity, 255, 3], [2, 2], DType.Float32);
        Assert.Equal(
            "{\"info\":{\"name\":\"Box\",\"shape\":[2,2],\"low\":[-1.0,-1e+100,0.0,0.0],\"high\":[1.0,1e+100,255.0,3.0]}}",
            Write(writer => new SpaceInfoResponse(box.Description).WriteTo(writer)));
        var pixels = new Box(0, 255, [2], DType.UInt8);
        Assert.Equal("{\"info\":{\"name\":\"Box\",\"shape\":[2],\"low\":[0,0],\"high\":[255,255]}}",
            Write(writer => new SpaceInfoResponse(pixels.Description).WriteTo(writer)));
    }

    [Fact]
    public void OtherSpaceDescriptions()
    {
        Assert.Equal("{\"info\":{\"name\":\"Discrete\",\"n\":4,\"start\":-1}}", Write(writer => new SpaceInfoResponse(new Discrete(4, -1).Description).WriteTo(writer)));
        Assert.Equal("{\"info\":{\"name\":\"MultiDiscrete\",\"n\":2,\"low\":[0,0],\"high\":[2,4]}}",
            Write(writer => new SpaceInfoResponse(new MultiDiscrete([3, 5]).Description).WriteTo(writer)));
        Assert.Equal("{\"info\":{\"name\":\"Tuple\",\"spaces\":[{\"name\":\"Discrete\",\"n\":32},{\"name\":\"Discrete\",\"n\":2}]}}",
            Write(writer => new SpaceInfoResponse(new TupleSpace(new Discrete(32), new Discrete(2)).Description).WriteTo(writer)));
    }

    [Fact]
    public void ObservationsAreNestedListsOrNumbers()
    {
        var box = new Box(0, 10, [2, 2], DType.Float32);
        var value = new byte[16];
        for (var i = 0; i < 4; i++)
        {
            BitConverter.TryWriteBytes(value.AsSpan(i * 4), i * 0.5f);
        }
        Assert.Equal("{\"observation\":[[0.0,0.5],[1.0,1.5]]}", Write(writer => new ObservationResponse(box.Description, value).WriteTo(writer)));
        Assert.Equal("{\"observation\":7}", Write(writer => new ObservationResponse(new Discrete(10).Description, BitConverter.GetBytes(7L)).WriteTo(writer)));
        var tuple = new TupleSpace(new Discrete(32), new Discrete(2));
        Assert.Equal("{\"observation\":[14,1]}", Write(writer => new ObservationResponse(tuple.Description, [.. BitConverter.GetBytes(14L), .. BitConverter.GetBytes(1L)]).WriteTo(writer)));
    }

    [Fact]
    public void StepRepliesCarryInfoAndEpisodeStatistics()
    {
        var info = new EnvInfo();
        info.Add("prob", 1.0);
        info.Add("action_mask", new sbyte[] { 1, 0 });
        var text = Write(writer => new StepResponse(new Discrete(16).Description, BitConverter.GetBytes(3L), new StepResult(1, true, false), true, info,
            new EpisodeSummary(1.0, 7, 0.25)).WriteTo(writer));
        Assert.Equal("{\"observation\":3,\"reward\":1,\"done\":true,\"info\":{\"prob\":1.0,\"action_mask\":[1,0],\"episode\":{\"r\":1.0,\"l\":7,\"t\":0.25}}}", text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(9)]
    public void RepliesEndWithAPlainTerminatorAndCompressIfAsked(int level)
    {
        var replies = new ReplyWriter { CompressionLevel = level };
        var output = new ReplyBuffer(16);
        replies.WriteError(output, "no_env", "make one first ünïcode");
        var bytes = output.WrittenSpan.ToArray();
        Assert.Equal("\r\n\r\n"u8.ToArray(), bytes[^4..]);
        var body = bytes[..^4];
        if (level > 0)
        {
            Assert.Equal(0x78, body[0]);
            Assert.Equal(0, ((body[0] << 8) | body[1]) % 31);
            using var zlib = new ZLibStream(new MemoryStream(body), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            zlib.CopyTo(plain);
            body = plain.ToArray();
        }
        Assert.Equal("{\"error\":{\"code\":\"no_env\",\"message\":\"make one first ünïcode\"}}", Encoding.UTF8.GetString(body));
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ReplyBuffer();
        var replies = new ReplyWriter();
        write(replies.Begin(buffer));
        replies.End(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan[..^4]);
    }
}
