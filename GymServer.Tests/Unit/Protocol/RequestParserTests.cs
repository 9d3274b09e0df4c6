using System.Buffers;
using System.Text;
using GymServer.Protocol;
using GymServer.Protocol.V1;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>Request lines to commands, straight from bytes, in one segment or many.</summary>
public sealed class RequestParserTests
{
    [Theory]
    [InlineData("{\"env\":{\"name\": \"CartPole-v1\"}}", RequestKind.MakeEnv)]
    [InlineData("{\"env\":{\"action\": \"reset\"}}", RequestKind.Reset)]
    [InlineData("{\"env\":{\"action\": \"close\"}}", RequestKind.CloseEnv)]
    [InlineData("{\"env\":{\"action\": \"actionspace\"}}", RequestKind.ActionSpace)]
    [InlineData("{\"env\":{\"action\": \"observationspace\"}}", RequestKind.ObservationSpace)]
    [InlineData("{\"env\":{\"actionspace\": \"sample\"}}", RequestKind.SampleAction)]
    [InlineData("{\"env\":{\"seed\": \"3\"}}", RequestKind.Seed)]
    [InlineData("{\"step\":{\"action\":1, \"render\":1}}", RequestKind.Step)]
    [InlineData("{\"server\":{\"compression\": \"9\"}}", RequestKind.Compression)]
    [InlineData("{\"record_episode_stats\":{\"action\": \"start\"}}", RequestKind.RecordEpisodeStats)]
    [InlineData("{\"url\":{\"action\": \"url\"}}", RequestKind.Url)]
    [InlineData(" { \"env\" : { \"action\" : \"reset\" } } ", RequestKind.Reset)]
    [InlineData("{\"\\u0065nv\":{\"action\":\"reset\"}}", RequestKind.Reset)]
    public void RecognisesEveryCommandWhereverTheLineIsSplit(string line, RequestKind kind)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        Assert.Equal(kind, new RequestParser().Parse(new ReadOnlySequence<byte>(bytes)).Kind);
        Assert.Equal(kind, new RequestParser().Parse(TestSequenceSegment.ByteByByte(bytes)).Kind);
        Assert.Equal(kind, new RequestParser().Parse(TestSequenceSegment.Split(bytes, bytes.Length / 2)).Kind);
    }

    [Theory]
    [InlineData("{\"step\":{\"action\":1}}", "1", false)]
    [InlineData("{\"step\":{\"action\":[0, 1, 0, 0], \"render\":1}}", "[0, 1, 0, 0]", true)]
    [InlineData("{\"step\":{\"action\":\"[0, 1, 0, 0]\", \"render\":true}}", "[0, 1, 0, 0]", true)]
    [InlineData("{\"step\":{\"render\":0,\"action\":\"1\"}}", "1", false)]
    [InlineData("{\"step\":{\"action\":\"[\\\"a\\\"]\"}}", "[\"a\"]", false)]
    [InlineData("{\"step\":{\"action\":{\"k\":[1,2]}}}", "{\"k\":[1,2]}", false)]
    public void AStepKeepsItsActionAsJsonText(string line, string action, bool render)
    {
        foreach (var sequence in new[] { new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(line)), TestSequenceSegment.ByteByByte(Encoding.UTF8.GetBytes(line)) })
        {
            var request = new RequestParser().Parse(sequence);
            Assert.Equal(action, Encoding.UTF8.GetString(request.Step.Action.Span));
            Assert.Equal(render, request.Step.Render);
        }
    }

    [Theory]
    [InlineData("\"3\"", "3")]
    [InlineData("7", "7")]
    [InlineData("\"18446744073709551616\"", "18446744073709551616")]
    [InlineData("\"123456789012345678901234567890\"", "123456789012345678901234567890")]
    [InlineData("\"\\u0034\\u0032\"", "42")]
    public void SeedsAreStringsOrIntegersOfAnySize(string seed, string expected)
    {
        var request = new RequestParser().Parse(Sequence($"{{\"env\":{{\"seed\":{seed}}}}}"));
        Assert.Equal(expected, request.Seed.Seed.ToString());
    }

    [Theory]
    [InlineData("{\"server\":{\"compression\":\"0\"}}", 0)]
    [InlineData("{\"server\":{\"compression\":9}}", 9)]
    public void CompressionLevels(string line, int level) =>
        Assert.Equal(level, new RequestParser().Parse(Sequence(line)).Compression.Level);

    [Theory]
    [InlineData("{\"env\":{\"seed\":\"x\"}}", "invalid_argument", RequestKind.Seed)]
    [InlineData("{\"env\":{\"seed\":\"\"}}", "invalid_argument", RequestKind.Seed)]
    [InlineData("{\"env\":{\"seed\":null}}", "invalid_argument", RequestKind.Seed)]
    [InlineData("{\"server\":{\"compression\":\"10\"}}", "invalid_argument", RequestKind.Compression)]
    [InlineData("{\"server\":{\"compression\":\"-1\"}}", "invalid_argument", RequestKind.Compression)]
    [InlineData("{\"step\":{\"render\":\"yes\",\"action\":1}}", "invalid_request", RequestKind.Step)]
    [InlineData("{\"step\":{\"action\":1,\"fast\":1}}", "invalid_request", RequestKind.Step)]
    [InlineData("{\"env\":{\"name\":\"\"}}", "invalid_request", RequestKind.MakeEnv)]
    [InlineData("{\"env\":{\"name\":3}}", "invalid_request", RequestKind.MakeEnv)]
    public void RefusedArgumentsNameTheirCommand(string line, string code, RequestKind kind)
    {
        var error = Assert.Throws<ProtocolException>(() => new RequestParser().Parse(Sequence(line)));
        Assert.Equal(code, error.Code);
        Assert.Equal(kind, error.Kind);
    }

    [Theory]
    [InlineData("", "invalid_json")]
    [InlineData("null", "invalid_json")]
    [InlineData("{\"env\":{\"action\":\"reset\"}", "invalid_json")]
    [InlineData("{\"env\":{\"action\":\"reset\"}}}", "invalid_json")]
    [InlineData("{\"env\":{\"action\":\"reset\"}}{}", "invalid_json")]
    [InlineData("{\"a\":1}", "unknown_command")]
    [InlineData("{\"env\":{\"bogus\":1}}", "unknown_command")]
    [InlineData("{\"env\":{}}", "invalid_request")]
    [InlineData("{\"env\":[]}", "invalid_request")]
    public void LinesThatAreNotRequests(string line, string code)
    {
        var error = Assert.Throws<ProtocolException>(() => new RequestParser().Parse(Sequence(line)));
        Assert.Equal(code, error.Code);
        Assert.Null(error.Kind);
    }

    [Fact]
    public void InvalidUtf8IsRefusedEvenInsideAString()
    {
        byte[] line = [.. "{\"env\":{\"name\":\""u8, 0xED, 0xA0, 0x80, .. "\"}}"u8];
        var error = Assert.Throws<ProtocolException>(() => new RequestParser().Parse(new ReadOnlySequence<byte>(line)));
        Assert.Equal("invalid_json", error.Code);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsingAStepAllocatesNothing()
    {
        var parser = new RequestParser();
        var single = Sequence("{\"step\":{\"action\":1, \"render\":1}}");
        var split = TestSequenceSegment.Split("{\"step\":{\"action\":[0.5, 1], \"render\":0}}"u8, 9, 17);
        for (var i = 0; i < 100; i++)
        {
            parser.Parse(single);
            parser.Parse(split);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            parser.Parse(single);
            parser.Parse(split);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static ReadOnlySequence<byte> Sequence(string line) => new(Encoding.UTF8.GetBytes(line));
}
