using System.Buffers;
using System.Text;
using System.Text.Json;
using GymServer.Protocol;
using GymServer.Protocol.V1;
using GymServer.Protocol.V2;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>Protocol-2 lines to commands and typed requests, and the protocol-1 handshake.</summary>
public sealed class Protocol2ParserTests
{
    [Theory]
    [InlineData("{\"server\":{\"protocol\":2}}", Protocol2Command.Server)]
    [InlineData("{\"make\":{\"id\":\"CartPole-v1\"}}", Protocol2Command.Make)]
    [InlineData("{\"reset\":{\"instance\":\"a\"}}", Protocol2Command.Reset)]
    [InlineData(" { \"step\" : {\"instance\":\"a\",\"action\":1} } ", Protocol2Command.Step)]
    [InlineData("{\"close\":{\"all\":true}}", Protocol2Command.Close)]
    [InlineData("{\"sample\":{\"instance\":\"a\"}}", Protocol2Command.Sample)]
    [InlineData("{\"list_envs\":{}}", Protocol2Command.ListEnvs)]
    [InlineData("{\"\\u006cist_envs\":{}}", Protocol2Command.ListEnvs)]
    [InlineData("{\"make_vec\":{\"id\":\"CartPole-v1\",\"num_envs\":2}}", Protocol2Command.MakeVec)]
    [InlineData("{\"reset_vec\":{\"instance\":\"a\"}}", Protocol2Command.ResetVec)]
    [InlineData("{\"step_vec\":{\"instance\":\"a\",\"actions\":[1,0]}}", Protocol2Command.StepVec)]
    public void RecognisesEveryCommandWhereverTheLineIsSplit(string line, Protocol2Command command)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        foreach (var sequence in new[] { new ReadOnlySequence<byte>(bytes), TestSequenceSegment.ByteByByte(bytes), TestSequenceSegment.Split(bytes, bytes.Length / 2) })
        {
            using var request = Protocol2Parser.Parse(sequence);
            Assert.Equal(command, request.Command);
            Assert.Equal(JsonValueKind.Object, request.Arguments.ValueKind);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0xFF, 0x7D }, "invalid_json")]
    [InlineData(new byte[] { 0x7B, 0x7D, 0x7B, 0x7D }, "invalid_json")]
    [InlineData(new byte[] { 0x31 }, "invalid_json")]
    public void RefusesLinesThatAreNoJsonObject(byte[] line, string code)
    {
        var error = Assert.Throws<ProtocolException>(() => Protocol2Parser.Parse(new ReadOnlySequence<byte>(line)));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void MakeKeepsKwargsBeyondTheLinesDocument()
    {
        var make = MakeRequest.Read(Arguments("{\"id\":\"FrozenLake-v1\",\"kwargs\":{\"map_name\":\"8x8\",\"is_slippery\":false},\"render_mode\":\"rgb_array\"}"));
        Assert.Equal("FrozenLake-v1", make.Id);
        Assert.Equal("8x8", make.Kwargs!["map_name"].GetString());
        Assert.False(make.Kwargs["is_slippery"].GetBoolean());
        Assert.Equal("rgb_array", make.RenderMode);
        var bare = MakeRequest.Read(Arguments("{\"id\":\"CartPole-v1\",\"kwargs\":null}"));
        Assert.Null(bare.Kwargs);
        Assert.Null(bare.RenderMode);
    }

    [Theory]
    [InlineData("{\"instance\":\"a\"}", null)]
    [InlineData("{\"instance\":\"a\",\"seed\":null}", null)]
    [InlineData("{\"instance\":\"a\",\"seed\":0}", "0")]
    [InlineData("{\"instance\":\"a\",\"seed\":123456789012345678901234567890}", "123456789012345678901234567890")]
    public void ResetSeedsAreIntegersOfAnySize(string arguments, string? seed)
    {
        var reset = ResetRequest.Read(Arguments(arguments));
        Assert.Equal("a", reset.Instance);
        Assert.Equal(seed, reset.Seed?.ToString());
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("1e3")]
    [InlineData("2.0")]
    [InlineData("\"3\"")]
    [InlineData("true")]
    public void ResetRefusesSeedsThatAreNotNonNegativeIntegers(string seed)
    {
        var error = Assert.Throws<ProtocolException>(() => ResetRequest.Read(Arguments($"{{\"instance\":\"a\",\"seed\":{seed}}}")));
        Assert.Equal("invalid_argument", error.Code);
    }

    [Fact]
    public void CloseNamesOneInstanceOrAll()
    {
        Assert.Equal("a", CloseRequest.Read(Arguments("{\"instance\":\"a\"}")).Instance);
        Assert.Null(CloseRequest.Read(Arguments("{\"all\":true}")).Instance);
        Assert.Equal("invalid_request", Assert.Throws<ProtocolException>(() => CloseRequest.Read(Arguments("{\"all\":1}"))).Code);
    }

    [Fact]
    public void StepKeepsItsActionAsJson()
    {
        var step = GymServer.Protocol.V2.StepRequest.Read(Arguments("{\"instance\":\"a\",\"action\":[0.5,[1,2]]}"));
        Assert.Equal("[0.5,[1,2]]", step.Action.GetRawText());
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("4096", 4096)]
    public void MakeVecTakesOneToTheMostCopies(string numEnvs, int expected)
    {
        var make = MakeVecRequest.Read(Arguments($"{{\"id\":\"CartPole-v1\",\"num_envs\":{numEnvs},\"kwargs\":{{\"g\":9.8}}}}"));
        Assert.Equal(expected, make.NumEnvs);
        Assert.Equal(9.8, make.Kwargs!["g"].GetDouble());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4097")]
    [InlineData("2.5")]
    [InlineData("\"2\"")]
    public void MakeVecRefusesOtherCounts(string numEnvs)
    {
        var error = Assert.Throws<ProtocolException>(() => MakeVecRequest.Read(Arguments($"{{\"id\":\"CartPole-v1\",\"num_envs\":{numEnvs}}}")));
        Assert.Equal("invalid_argument", error.Code);
    }

    [Fact]
    public void StepVecNeedsAListOfActions()
    {
        Assert.Equal(3, StepVecRequest.Read(Arguments("{\"instance\":\"a\",\"actions\":[1,[0.5],{\"k\":1}]}")).Actions.GetArrayLength());
        Assert.Equal("invalid_request", Assert.Throws<ProtocolException>(() => StepVecRequest.Read(Arguments("{\"instance\":\"a\",\"actions\":1}"))).Code);
        Assert.Equal("invalid_request", Assert.Throws<ProtocolException>(() => StepVecRequest.Read(Arguments("{\"instance\":\"a\"}"))).Code);
    }

    [Theory]
    [InlineData("{\"server\":{\"protocol\":2}}", 2)]
    [InlineData("{\"server\":{\"protocol\":\"1\"}}", 1)]
    public void Protocol1ParsesTheHandshake(string line, int version)
    {
        var request = new RequestParser().Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(line)));
        Assert.Equal(RequestKind.Handshake, request.Kind);
        Assert.True(request.HasReply);
        Assert.Equal(version, request.Handshake.Version);
    }

    [Theory]
    [InlineData("{\"server\":{\"protocol\":-1}}", "invalid_argument")]
    [InlineData("{\"server\":{\"protocol\":[2]}}", "invalid_argument")]
    [InlineData("{\"server\":{\"protocol\":2,\"compression\":\"1\"}}", "invalid_request")]
    public void Protocol1RefusesBadHandshakes(string line, string code)
    {
        var error = Assert.Throws<ProtocolException>(() => new RequestParser().Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(line))));
        Assert.Equal(code, error.Code);
    }

    private static JsonElement Arguments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
