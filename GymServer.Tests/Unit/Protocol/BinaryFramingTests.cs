using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using GymServer.Tests.Infrastructure;
using GymServer.Web.Tcp;

namespace GymServer.Tests.Unit.Protocol;

/// <summary>
/// Binary frames on the server's real connection loops over in-memory pipes: split byte by byte, many per read,
/// mixed with JSON lines, oversize, truncated at the end of the stream, and refused without the handshake.
/// </summary>
public sealed class BinaryFramingTests
{
    private const string BinaryHandshake = "{\"server\":{\"protocol\":2,\"encoding\":\"binary\"}}\n";
    private const byte StepVecReply = 0x81;
    private const byte ErrorReply = 0x7F;

    [Fact]
    public async Task TheHandshakeNamesTheEncoding()
    {
        await using var connection = PipeConnection.Start();
        await connection.WriteAsync(BinaryHandshake);
        var reply = JsonDocument.Parse(await connection.ReadReplyAsync() ?? "").RootElement;
        Assert.Equal(2, reply.GetProperty("protocol").GetInt32());
        Assert.Equal("binary", reply.GetProperty("encoding").GetString());
    }

    [Theory]
    [InlineData("{\"server\":{\"protocol\":1,\"encoding\":\"binary\"}}", "invalid_argument")]
    [InlineData("{\"server\":{\"protocol\":2,\"encoding\":\"msgpack\"}}", "invalid_argument")]
    [InlineData("{\"server\":{\"encoding\":\"binary\"}}", "invalid_request")]
    [InlineData("{\"server\":{\"encoding\":\"binary\",\"compression\":\"1\"}}", "invalid_request")]
    public async Task ABadEncodingInTheHandshakeIsRefused(string handshake, string code)
    {
        await using var connection = PipeConnection.Start();
        await connection.WriteAsync(handshake + "\n");
        Assert.Contains($"\"code\":\"{code}\"", await connection.ReadReplyAsync());
    }

    [Fact]
    public async Task AProtocol2HandshakeSwitchesTheEncodingBothWays()
    {
        await using var connection = PipeConnection.Start();
        var instance = await StartVectorAsync(connection, numEnvs: 1);
        await connection.WriteAsync("{\"server\":{\"protocol\":2,\"encoding\":\"json\"}}\n");
        Assert.Contains("\"encoding\":\"json\"", await connection.ReadReplyAsync());
        await connection.WriteAsync(StepFrame(instance, [0]).Append((byte)'\n').ToArray());
        Assert.Contains("\"invalid_json\"", await connection.ReadReplyAsync());
        await connection.WriteAsync("{\"server\":{\"protocol\":2,\"encoding\":\"binary\"}}\n");
        Assert.Contains("\"encoding\":\"binary\"", await connection.ReadReplyAsync());
        await connection.WriteAsync(StepFrame(instance, [0]));
        Assert.Equal(StepVecReply, (await connection.ReadFrameAsync()).Type);
    }

    [Fact]
    public async Task AFrameSplitByteByByteGetsOneReply()
    {
        await using var connection = PipeConnection.Start();
        var instance = await StartVectorAsync(connection, numEnvs: 3);
        foreach (var b in StepFrame(instance, [0, 1, 0]))
        {
            await connection.WriteAsync(new[] { b });
        }
        var (type, payload) = await connection.ReadFrameAsync();
        Assert.True(StepVecReply == type, Encoding.UTF8.GetString(payload));
        AssertStepPayload(payload, numEnvs: 3);
    }

    [Fact]
    public async Task ManyFramesAndLinesInOneReadGetTheirRepliesInOrder()
    {
        await using var connection = PipeConnection.Start();
        var instance = await StartVectorAsync(connection, numEnvs: 2);
        var bytes = new List<byte>();
        for (var i = 0; i < 50; i++)
        {
            bytes.AddRange(StepFrame(instance, [i % 2, 1]));
            bytes.AddRange(Encoding.UTF8.GetBytes("{\"list_envs\":{}}\n"));
        }
        await connection.WriteAsync(bytes.ToArray());
        for (var i = 0; i < 50; i++)
        {
            var (type, payload) = await connection.ReadFrameAsync();
            Assert.Equal(StepVecReply, type);
            // Past the end of an episode the autoreset step has reward 0: check the reward only before.
            AssertStepPayload(payload, numEnvs: 2, checkReward: i < 5);
            Assert.Contains("\"envs\"", await connection.ReadReplyAsync());
        }
    }

    [Fact]
    public async Task AnOversizePayloadGetsAnErrorAndIsSkippedThoughItArrivesInPieces()
    {
        await using var connection = PipeConnection.Start(new GymTcpOptions { MaxLineLength = 64 });
        var instance = await StartVectorAsync(connection, numEnvs: 1);
        var header = new byte[8];
        header[0] = 0xB7;
        header[1] = 0x01;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 100);
        await connection.WriteAsync(header);
        var (type, payload) = await connection.ReadFrameAsync();
        Assert.Equal(ErrorReply, type);
        Assert.Equal("line_too_long", ErrorCode(payload));

        // The refused payload is full of newlines and magic bytes: none of it may be read as a request.
        var junk = Enumerable.Range(0, 100).Select(i => (byte)(i % 2 == 0 ? '\n' : 0xB7)).ToArray();
        await connection.WriteAsync(junk.AsMemory(0, 40));
        await connection.WriteAsync(junk.AsMemory(40));
        await connection.WriteAsync(StepFrame(instance, [1]));
        (type, payload) = await connection.ReadFrameAsync();
        Assert.Equal(StepVecReply, type);
        AssertStepPayload(payload, numEnvs: 1);
    }

    [Fact]
    public async Task AFrameCutOffByTheEndOfTheStreamGetsAnError()
    {
        await using var connection = PipeConnection.Start();
        var instance = await StartVectorAsync(connection, numEnvs: 2);
        var frame = StepFrame(instance, [0, 1]);
        await connection.WriteAsync(frame.AsMemory(0, frame.Length - 3));
        await connection.CompleteAsync();
        var (type, payload) = await connection.ReadFrameAsync();
        Assert.Equal(ErrorReply, type);
        Assert.Equal("invalid_request", ErrorCode(payload));
        Assert.Contains($"{frame.Length - 3} bytes", Message(payload));
        await connection.Finished;
    }

    [Fact]
    public async Task AFrameWithoutTheBinaryHandshakeIsInvalidJson()
    {
        await using var connection = PipeConnection.Start();
        await connection.WriteAsync("{\"server\":{\"protocol\":2}}\n");
        await connection.ReadReplyAsync();
        await connection.WriteAsync(new byte[] { 0xB7, 0x01, 0, 0, 1, 0, 0, 0, 0, (byte)'\n' });
        var reply = await connection.ReadReplyAsync();
        Assert.Contains("\"invalid_json\"", reply);
    }

    [Theory]
    [InlineData(0x09, "unknown_command")]
    [InlineData(0x81, "unknown_command")]
    public async Task AFrameOfAnotherTypeGetsAnErrorFrame(byte frameType, string code)
    {
        await using var connection = PipeConnection.Start();
        var instance = await StartVectorAsync(connection, numEnvs: 1);
        var frame = StepFrame(instance, [0]);
        frame[1] = frameType;
        await connection.WriteAsync(frame);
        var (type, payload) = await connection.ReadFrameAsync();
        Assert.Equal(ErrorReply, type);
        Assert.Equal(code, ErrorCode(payload));
    }

    [Fact]
    public async Task WrongActionBytesAndUnknownInstancesGetErrorFramesAndTheConnectionGoesOn()
    {
        await using var connection = PipeConnection.Start();
        var instance = await StartVectorAsync(connection, numEnvs: 2);
        var shortFrame = StepFrame(instance, [0, 1]);
        BinaryPrimitives.WriteUInt32LittleEndian(shortFrame.AsSpan(4), (uint)(shortFrame.Length - 8 - 1));
        await connection.WriteAsync(shortFrame.AsMemory(0, shortFrame.Length - 1));
        Assert.Equal("invalid_action", ErrorCode((await connection.ReadFrameAsync()).Payload));

        await connection.WriteAsync(StepFrame(instance, [0, 7]));
        var outOfSpace = (await connection.ReadFrameAsync()).Payload;
        Assert.Equal("invalid_action", ErrorCode(outOfSpace));
        Assert.StartsWith("actions[1]:", Message(outOfSpace));

        await connection.WriteAsync(StepFrame("nosuchvector", [0, 1]));
        Assert.Equal("unknown_instance", ErrorCode((await connection.ReadFrameAsync()).Payload));

        await connection.WriteAsync(StepFrame(instance, [0, 1]));
        AssertStepPayload((await connection.ReadFrameAsync()).Payload, numEnvs: 2);
    }

    /// <summary>Handshake (binary), make_vec of CartPole-v1 and reset_vec with seed 0; returns the vector's id.</summary>
    private static async Task<string> StartVectorAsync(PipeConnection connection, int numEnvs)
    {
        await connection.WriteAsync(BinaryHandshake);
        await connection.ReadReplyAsync();
        await connection.WriteAsync($"{{\"make_vec\":{{\"id\":\"CartPole-v1\",\"num_envs\":{numEnvs}}}}}\n");
        var instance = JsonDocument.Parse(await connection.ReadReplyAsync() ?? "").RootElement.GetProperty("instance").GetString()!;
        await connection.WriteAsync($"{{\"reset_vec\":{{\"instance\":\"{instance}\",\"seed\":0}}}}\n");
        Assert.Contains("observations", await connection.ReadReplyAsync());
        return instance;
    }

    private static byte[] StepFrame(string instance, long[] actions)
    {
        var payload = new byte[1 + instance.Length + 8 * actions.Length];
        payload[0] = (byte)instance.Length;
        Encoding.ASCII.GetBytes(instance, payload.AsSpan(1));
        for (var i = 0; i < actions.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(1 + instance.Length + 8 * i), actions[i]);
        }
        var frame = new byte[8 + payload.Length];
        frame[0] = 0xB7;
        frame[1] = 0x01;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    /// <summary>CartPole's reply: N, B = 16 (four float32), then the arrays (a first reward of 1), and I = 0 (empty infos).</summary>
    private static void AssertStepPayload(byte[] payload, int numEnvs, bool checkReward = true)
    {
        Assert.Equal(numEnvs, BinaryPrimitives.ReadInt32LittleEndian(payload));
        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4)));
        Assert.Equal(8 + numEnvs * (16 + 8 + 1 + 1) + 4, payload.Length);
        if (checkReward)
        {
            Assert.Equal(1.0, BinaryPrimitives.ReadDoubleLittleEndian(payload.AsSpan(8 + 16 * numEnvs)));
        }
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(payload.Length - 4)));
    }

    private static string ErrorCode(byte[] payload) =>
        JsonDocument.Parse(payload).RootElement.GetProperty("error").GetProperty("code").GetString()!;

    private static string Message(byte[] payload) =>
        JsonDocument.Parse(payload).RootElement.GetProperty("error").GetProperty("message").GetString()!;
}
