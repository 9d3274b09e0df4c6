using System.Buffers.Binary;
using System.Text.Json;
using GymServer.Tests.Functional.Binary;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// Binary frames on a Python env (real worker processes, observations through shared memory): the same bytes as
/// the JSON replies of another connection given the same seeds and actions.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonBinaryFrameTests
{
    [Fact]
    public async Task AnImageEnvGivesInFramesWhatItGivesInJson()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?>
        {
            ["Gym:Python:Workers"] = "2",
            ["Gym:Python:Executable"] = PythonTestPool.Interpreter,
            ["Gym:Python:PythonPath:0"] = PythonTestPool.FakeGymDirectory,
            ["Gym:Python:Imports:0"] = "gymserver_testenvs",
        });
        await using var binary = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        await using var json = await BinaryWireClient.ConnectAsync(server.TcpPort, "json");
        const string id = "GymServerTest/Image-v0";
        var binaryEnv = await SingleEnvFrameTests.MakeAsync(binary, id);
        var jsonEnv = (await json.RequestAsync(JsonSerializer.Serialize(new { make = new { id } }))).GetProperty("instance").GetString()!;

        var (observation, info) = SingleEnvFrameTests.DecodeReset(await binary.RequestFrameAsync(0x03, SingleEnvFrameTests.ResetPayload(binaryEnv, 5, "")));
        var reset = await json.RequestAsync($"{{\"reset\":{{\"instance\":\"{jsonEnv}\",\"seed\":5}}}}");
        Assert.Equal(84 * 84 * 3, observation.Length);
        Assert.Equal(Bytes(reset.GetProperty("observation")), observation);
        Assert.Equal(reset.GetProperty("info").GetRawText(), info);

        var action = new byte[8];
        for (var step = 0; step < 12; step++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(action, step % 4);
            var decoded = SingleEnvFrameTests.DecodeStep(await binary.RequestFrameAsync(0x04, BinaryWireClient.WithInstance(binaryEnv, action)));
            var reply = await json.RequestAsync($"{{\"step\":{{\"instance\":\"{jsonEnv}\",\"action\":{step % 4}}}}}");
            Assert.Equal(Bytes(reply.GetProperty("observation")), decoded.Observation);
            Assert.Equal(reply.GetProperty("reward").GetDouble(), decoded.Reward);
            Assert.Equal(reply.GetProperty("terminated").GetBoolean(), decoded.Terminated);
            Assert.Equal(reply.GetProperty("truncated").GetBoolean(), decoded.Truncated);
            Assert.Equal(reply.GetProperty("info").GetRawText(), decoded.Info);
        }

        var (type, sample) = await binary.RequestFrameAsync(0x05, BinaryWireClient.WithInstance(binaryEnv, []));
        Assert.Equal(0x85, type);
        Assert.InRange(BinaryPrimitives.ReadInt64LittleEndian(sample.AsSpan(4)), 0, 3);

        // An action outside the space is refused in a frame, and the env steps on.
        BinaryPrimitives.WriteInt64LittleEndian(action, 9);
        (type, var error) = await binary.RequestFrameAsync(0x04, BinaryWireClient.WithInstance(binaryEnv, action));
        Assert.Equal(0x7F, type);
        Assert.Equal("invalid_action", JsonDocument.Parse(error).RootElement.GetProperty("error").GetProperty("code").GetString());
        BinaryPrimitives.WriteInt64LittleEndian(action, 1);
        SingleEnvFrameTests.DecodeStep(await binary.RequestFrameAsync(0x04, BinaryWireClient.WithInstance(binaryEnv, action)));
    }

    private static byte[] Bytes(JsonElement nested) =>
        nested.ValueKind == JsonValueKind.Array ? nested.EnumerateArray().SelectMany(Bytes).ToArray() : [nested.GetByte()];
}
