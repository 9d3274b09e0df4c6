using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace GymServer.Tests.Functional.Binary;

/// <summary>
/// make, reset, step, sample, make_vec and reset_vec as binary frames over real sockets, decoded from the layouts in
/// docs/protocol.md alone, and compared with the JSON replies of another connection given the same seeds and actions.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SingleEnvFrameTests(GymServerFactory server)
{
    public enum Layout
    {
        Int64,
        Float32,
    }

    [Theory]
    [InlineData("CartPole-v1", Layout.Int64, 2, Layout.Float32)]
    [InlineData("FrozenLake-v1", Layout.Int64, 4, Layout.Int64)]
    [InlineData("Pendulum-v1", Layout.Float32, 0, Layout.Float32)]
    [InlineData("Blackjack-v1", Layout.Int64, 2, Layout.Int64)]
    public async Task FramesGiveTheValuesOfJsonWithTheSameSeedsAndActions(string id, Layout actionLayout, int actionChoices, Layout observationLayout)
    {
        await using var binary = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        await using var json = await BinaryWireClient.ConnectAsync(server.TcpPort, "json");
        var binaryEnv = await MakeAsync(binary, id);
        var jsonEnv = (await json.RequestAsync(JsonSerializer.Serialize(new { make = new { id } }))).GetProperty("instance").GetString()!;
        var random = new Random(11);
        var sawDone = false;
        for (var episode = 0; episode < 3; episode++)
        {
            var seed = 100 + episode;
            var (observation, info) = DecodeReset(await binary.RequestFrameAsync(0x03, ResetPayload(binaryEnv, seed, "")));
            var reset = await json.RequestAsync(JsonSerializer.Serialize(new { reset = new { instance = jsonEnv, seed } }));
            Assert.Equal(Flatten(reset.GetProperty("observation")), Values(observation, observationLayout));
            Assert.Equal(reset.GetProperty("info").GetRawText(), info);
            for (var step = 0; step < 600; step++)
            {
                var (raw, jsonAction) = actionLayout == Layout.Int64
                    ? Int64Action(random.Next(actionChoices))
                    : Float32Action(random.Next(-8, 9) * 0.25f);
                var decoded = DecodeStep(await binary.RequestFrameAsync(0x04, BinaryWireClient.WithInstance(binaryEnv, raw)));
                var reply = await json.RequestAsync($"{{\"step\":{{\"instance\":\"{jsonEnv}\",\"action\":{jsonAction}}}}}");
                Assert.Equal(Flatten(reply.GetProperty("observation")), Values(decoded.Observation, observationLayout));
                Assert.Equal(reply.GetProperty("reward").GetDouble(), decoded.Reward);
                Assert.Equal(reply.GetProperty("terminated").GetBoolean(), decoded.Terminated);
                Assert.Equal(reply.GetProperty("truncated").GetBoolean(), decoded.Truncated);
                Assert.Equal(reply.GetProperty("info").GetRawText(), decoded.Info);
                if (decoded.Terminated || decoded.Truncated)
                {
                    sawDone = true;
                    break;
                }
            }
        }
        Assert.True(sawDone || id == "Pendulum-v1");
    }

    [Fact]
    public async Task ResetTakesSeedsOfAnySizeAndOptionsAsJsonDoes()
    {
        await using var binary = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        await using var json = await BinaryWireClient.ConnectAsync(server.TcpPort, "json");
        var binaryEnv = await MakeAsync(binary, "CartPole-v1");
        var jsonEnv = (await json.RequestAsync("""{"make":{"id":"CartPole-v1"}}""")).GetProperty("instance").GetString()!;
        var seed = (BigInteger.One << 70) + 5;
        const string options = """{"low":-0.01,"high":0.01}""";
        var (observation, _) = DecodeReset(await binary.RequestFrameAsync(0x03, ResetPayload(binaryEnv, seed, options)));
        var reset = await json.RequestAsync($"{{\"reset\":{{\"instance\":\"{jsonEnv}\",\"seed\":{seed},\"options\":{options}}}}}");
        Assert.Equal(Flatten(reset.GetProperty("observation")), Values(observation, Layout.Float32));
        Assert.All(Values(observation, Layout.Float32), value => Assert.InRange(value, -0.01, 0.01));

        // No seed: the generator continues, on both connections alike.
        var (next, _) = DecodeReset(await binary.RequestFrameAsync(0x03, ResetPayload(binaryEnv, null, "")));
        var nextJson = await json.RequestAsync($"{{\"reset\":{{\"instance\":\"{jsonEnv}\"}}}}");
        Assert.Equal(Flatten(nextJson.GetProperty("observation")), Values(next, Layout.Float32));
    }

    [Fact]
    public async Task SampleGivesARawActionOfTheSpace()
    {
        await using var binary = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        var env = await MakeAsync(binary, "FrozenLake-v1");
        var seen = new HashSet<long>();
        for (var i = 0; i < 64; i++)
        {
            var (type, payload) = await binary.RequestFrameAsync(0x05, BinaryWireClient.WithInstance(env, []));
            Assert.Equal(0x85, type);
            Assert.Equal(12, payload.Length);
            Assert.Equal(8, BinaryPrimitives.ReadInt32LittleEndian(payload));
            seen.Add(BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(4)));
        }
        Assert.Equal([0L, 1, 2, 3], seen.Order());
    }

    [Fact]
    public async Task MakeFramesCarryTheJsonOfMakeAndMakeVec()
    {
        await using var binary = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        await using var json = await BinaryWireClient.ConnectAsync(server.TcpPort, "json");
        var (type, payload) = await binary.RequestFrameAsync(0x02, """{"id":"FrozenLake-v1","kwargs":{"map_name":"8x8"}}"""u8.ToArray());
        Assert.Equal(0x82, type);
        var made = JsonDocument.Parse(payload).RootElement;
        var madeJson = await json.RequestAsync("""{"make":{"id":"FrozenLake-v1","kwargs":{"map_name":"8x8"}}}""");
        Assert.Equal(madeJson.GetProperty("observation_space").GetRawText(), made.GetProperty("observation_space").GetRawText());
        Assert.Equal("""{"type":"Discrete","n":64,"start":0}""", made.GetProperty("observation_space").GetRawText());

        (type, payload) = await binary.RequestFrameAsync(0x06, """{"id":"CartPole-v1","num_envs":3}"""u8.ToArray());
        Assert.Equal(0x86, type);
        var vector = JsonDocument.Parse(payload).RootElement;
        Assert.Equal(3, vector.GetProperty("num_envs").GetInt32());
        var instance = vector.GetProperty("instance").GetString()!;
        var jsonVector = (await json.RequestAsync("""{"make_vec":{"id":"CartPole-v1","num_envs":3}}""")).GetProperty("instance").GetString()!;

        (type, payload) = await binary.RequestFrameAsync(0x07, ResetPayload(instance, 9, ""));
        Assert.Equal(0x87, type);
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(payload));
        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4)));
        Assert.Equal(8 + 48 + 4, payload.Length);
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(56)));
        var reset = await json.RequestAsync($"{{\"reset_vec\":{{\"instance\":\"{jsonVector}\",\"seed\":9}}}}");
        var observations = reset.GetProperty("observations");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Flatten(observations[i]), Values(payload.AsSpan(8 + 16 * i, 16).ToArray(), Layout.Float32));
        }
    }

    [Fact]
    public async Task BadFramesGetErrorFramesAndTheConnectionGoesOn()
    {
        await using var client = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        var env = await MakeAsync(client, "CartPole-v1");
        await client.RequestFrameAsync(0x03, ResetPayload(env, 1, ""));
        var one = Int64Action(1).Raw;

        await AssertErrorAsync(client, 0x09, [1, 2, 3], "unknown_command");
        await AssertErrorAsync(client, 0x04, BinaryWireClient.WithInstance(env, new byte[7]), "invalid_action");
        await AssertErrorAsync(client, 0x04, BinaryWireClient.WithInstance(env, Int64Action(2).Raw), "invalid_action");
        await AssertErrorAsync(client, 0x04, BinaryWireClient.WithInstance("0000000000000", one), "unknown_instance");
        await AssertErrorAsync(client, 0x04, [20, 1, 2], "invalid_request");
        await AssertErrorAsync(client, 0x05, BinaryWireClient.WithInstance(env, [0]), "invalid_request");
        await AssertErrorAsync(client, 0x03, BinaryWireClient.WithInstance(env, [8, 1, 2]), "invalid_request");
        await AssertErrorAsync(client, 0x03, ResetPayload(env, 1, "[1]"), "invalid_json");
        await AssertErrorAsync(client, 0x03, ResetPayload(env, 1, "{\"low\":"), "invalid_json");
        await AssertErrorAsync(client, 0x02, "{\"id\":"u8.ToArray(), "invalid_json");
        await AssertErrorAsync(client, 0x02, """{"name":"CartPole-v1"}"""u8.ToArray(), "invalid_request");
        await AssertErrorAsync(client, 0x02, """{"id":"CartPol-v1"}"""u8.ToArray(), "unknown_env");
        await AssertErrorAsync(client, 0x06, """{"id":"CartPole-v1","num_envs":0}"""u8.ToArray(), "invalid_argument");
        await AssertErrorAsync(client, 0x07, ResetPayload(env, 1, ""), "unknown_instance");
        await client.SendFrameAsync(0x04, BinaryWireClient.WithInstance(env, one), reserved: 1);
        AssertError(await client.ReadFrameAsync(), "invalid_request");

        // After every refusal the env is as it was and the connection steps on.
        var decoded = DecodeStep(await client.RequestFrameAsync(0x04, BinaryWireClient.WithInstance(env, one)));
        Assert.Equal(1.0, decoded.Reward);
        Assert.Equal("{\"ok\":true}", (await client.RequestAsync($"{{\"close\":{{\"instance\":\"{env}\"}}}}")).GetRawText());
        await AssertErrorAsync(client, 0x04, BinaryWireClient.WithInstance(env, one), "unknown_instance");
    }

    [Fact]
    public async Task AStepBeforeResetIsRefusedAsInJson()
    {
        await using var client = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        var env = await MakeAsync(client, "CartPole-v1");
        await AssertErrorAsync(client, 0x04, BinaryWireClient.WithInstance(env, Int64Action(0).Raw), "reset_needed");
    }

    internal static async Task<string> MakeAsync(BinaryWireClient client, string id)
    {
        var (type, payload) = await client.RequestFrameAsync(0x02, JsonSerializer.SerializeToUtf8Bytes(new { id }));
        Assert.True(type == 0x82, $"expected a make reply, got 0x{type:X2}: {Encoding.UTF8.GetString(payload)}");
        return JsonDocument.Parse(payload).RootElement.GetProperty("instance").GetString()!;
    }

    /// <summary>u8 L, the id, u8 S, the seed in S little-endian bytes (none: S = 0), the options' JSON.</summary>
    internal static byte[] ResetPayload(string instance, BigInteger? seed, string options)
    {
        var seedBytes = seed is BigInteger s ? s.ToByteArray(isUnsigned: true, isBigEndian: false) : [];
        return BinaryWireClient.WithInstance(instance, [(byte)seedBytes.Length, .. seedBytes, .. Encoding.UTF8.GetBytes(options)]);
    }

    internal static (byte[] Observation, string Info) DecodeReset((byte Type, byte[] Payload) frame)
    {
        var (type, payload) = frame;
        Assert.True(type == 0x83, $"expected a reset reply, got 0x{type:X2}: {Encoding.UTF8.GetString(payload)}");
        var size = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var observation = payload.AsSpan(4, size).ToArray();
        var infoLength = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4 + size));
        Assert.Equal(payload.Length, 8 + size + infoLength);
        return (observation, infoLength == 0 ? "{}" : Encoding.UTF8.GetString(payload, 8 + size, infoLength));
    }

    internal static (byte[] Observation, double Reward, bool Terminated, bool Truncated, string Info) DecodeStep((byte Type, byte[] Payload) frame)
    {
        var (type, payload) = frame;
        Assert.True(type == 0x84, $"expected a step reply, got 0x{type:X2}: {Encoding.UTF8.GetString(payload)}");
        var size = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var at = 4 + size;
        var reward = BinaryPrimitives.ReadDoubleLittleEndian(payload.AsSpan(at));
        var infoLength = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(at + 10));
        Assert.Equal(payload.Length, at + 14 + infoLength);
        return (payload.AsSpan(4, size).ToArray(), reward, payload[at + 8] == 1, payload[at + 9] == 1,
            infoLength == 0 ? "{}" : Encoding.UTF8.GetString(payload, at + 14, infoLength));
    }

    private static async Task AssertErrorAsync(BinaryWireClient client, byte type, byte[] payload, string code) =>
        AssertError(await client.RequestFrameAsync(type, payload), code);

    private static void AssertError((byte Type, byte[] Payload) frame, string code)
    {
        Assert.True(frame.Type == 0x7F, $"expected an error frame ({code}), got 0x{frame.Type:X2}");
        Assert.Equal(code, JsonDocument.Parse(frame.Payload).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    private static (byte[] Raw, string Json) Int64Action(long value)
    {
        var raw = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(raw, value);
        return (raw, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (byte[] Raw, string Json) Float32Action(float value)
    {
        var raw = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(raw, value);
        return (raw, $"[{value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}]");
    }

    private static double[] Flatten(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().SelectMany(Flatten).ToArray() : [value.GetDouble()];

    private static double[] Values(byte[] bytes, Layout layout) =>
        layout == Layout.Int64
            ? Enumerable.Range(0, bytes.Length / 8).Select(i => (double)BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * 8))).ToArray()
            : Enumerable.Range(0, bytes.Length / 4).Select(i => (double)BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4))).ToArray();
}
