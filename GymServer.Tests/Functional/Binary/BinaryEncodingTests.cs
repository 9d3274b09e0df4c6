using System.Buffers.Binary;
using System.Text.Json;

namespace GymServer.Tests.Functional.Binary;

/// <summary>
/// The binary encoding over real sockets, decoded by <see cref="BinaryWireClient"/> (no code shared with the server)
/// and checked against JSON step_vec on another connection with the same seeds and actions.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BinaryEncodingTests(GymServerFactory server)
{
    public enum Layout
    {
        Int64,
        Float32,
    }

    [Theory]
    [InlineData("CartPole-v1", 5, Layout.Int64, 2, Layout.Float32, 4)]
    [InlineData("FrozenLake-v1", 3, Layout.Int64, 4, Layout.Int64, 1)]
    [InlineData("Pendulum-v1", 2, Layout.Float32, 0, Layout.Float32, 3)]
    public async Task BinaryStepVecMatchesJsonStepVecWithTheSameSeeds(
        string id, int count, Layout actionLayout, int actionChoices, Layout observationLayout, int observationLength)
    {
        await using var binary = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        await using var json = await BinaryWireClient.ConnectAsync(server.TcpPort, "json");
        var binaryVector = await StartAsync(binary, id, count);
        var jsonVector = await StartAsync(json, id, count);
        var random = new Random(7);
        var sawDone = false;
        var sawInfo = false;
        for (var step = 0; step < 300; step++)
        {
            var actions = Enumerable.Range(0, count)
                .Select(_ => actionLayout == Layout.Int64 ? random.Next(actionChoices) : random.Next(-8, 9) * 0.25)
                .ToArray();
            var raw = new byte[count * 8];
            var size = actionLayout == Layout.Int64 ? 8 : 4;
            for (var i = 0; i < count; i++)
            {
                if (actionLayout == Layout.Int64)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * size), (long)actions[i]);
                }
                else
                {
                    BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * size), (float)actions[i]);
                }
            }
            var decoded = await binary.StepVecAsync(binaryVector, raw.AsMemory(0, count * size));
            var jsonActions = actions.Select(a => actionLayout == Layout.Int64 ? (object)(long)a : new[] { a });
            var reply = await json.RequestAsync(JsonSerializer.Serialize(new { step_vec = new { instance = jsonVector, actions = jsonActions } }));

            Assert.Equal(count, decoded.Count);
            var observations = reply.GetProperty("observations").EnumerateArray().ToArray();
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(Flatten(observations[i]), Values(decoded.Observations[i], observationLayout, observationLength));
                Assert.Equal(reply.GetProperty("rewards")[i].GetDouble(), decoded.Rewards[i]);
                Assert.Equal(reply.GetProperty("terminated")[i].GetBoolean(), decoded.Terminated[i]);
                Assert.Equal(reply.GetProperty("truncated")[i].GetBoolean(), decoded.Truncated[i]);
                sawDone |= decoded.Terminated[i] || decoded.Truncated[i];
            }
            var infos = reply.GetProperty("infos");
            if (decoded.Infos is JsonElement binaryInfos)
            {
                sawInfo = true;
                Assert.Equal(infos.GetRawText(), binaryInfos.GetRawText());
            }
            else
            {
                Assert.All(infos.EnumerateArray(), info => Assert.Equal("{}", info.GetRawText()));
            }
        }
        // The run crossed episode ends (autoreset) and, for FrozenLake, non-empty infos: both paths were compared.
        Assert.True(sawDone || id == "Pendulum-v1");
        Assert.Equal(id == "FrozenLake-v1", sawInfo);
    }

    [Fact]
    public async Task JsonAndBinaryRequestsShareAConnectionAndTheVectorState()
    {
        await using var client = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        var vector = await StartAsync(client, "CartPole-v1", 2);
        var ones = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(ones, 1);
        BinaryPrimitives.WriteInt64LittleEndian(ones.AsSpan(8), 1);
        var first = await client.StepVecAsync(vector, ones);
        var second = await client.RequestAsync($"{{\"step_vec\":{{\"instance\":\"{vector}\",\"actions\":[1,1]}}}}");
        var third = await client.StepVecAsync(vector, ones);
        // Pushing right three times: the cart's velocity (observation[1]) grows step after step.
        var velocities = new[]
        {
            BinaryPrimitives.ReadSingleLittleEndian(first.Observations[0].AsSpan(4)),
            second.GetProperty("observations")[0][1].GetSingle(),
            BinaryPrimitives.ReadSingleLittleEndian(third.Observations[0].AsSpan(4)),
        };
        Assert.True(velocities[0] < velocities[1] && velocities[1] < velocities[2], string.Join(", ", velocities));
    }

    [Fact]
    public async Task AClosedVectorIsUnknownToBinaryStepsToo()
    {
        await using var client = await BinaryWireClient.ConnectAsync(server.TcpPort, "binary");
        var vector = await StartAsync(client, "CartPole-v1", 1);
        var action = new byte[8];
        await client.StepVecAsync(vector, action);
        Assert.Equal("{\"ok\":true}", (await client.RequestAsync($"{{\"close\":{{\"instance\":\"{vector}\"}}}}")).GetRawText());
        await client.SendStepVecAsync(vector, action);
        var (type, payload) = await client.ReadFrameAsync();
        Assert.Equal(0x7F, type);
        Assert.Equal("unknown_instance", JsonDocument.Parse(payload).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    private static async Task<string> StartAsync(BinaryWireClient client, string id, int count)
    {
        var made = await client.RequestAsync(JsonSerializer.Serialize(new { make_vec = new { id, num_envs = count } }));
        var instance = made.GetProperty("instance").GetString()!;
        await client.RequestAsync(JsonSerializer.Serialize(new { reset_vec = new { instance, seed = 42 } }));
        return instance;
    }

    private static double[] Flatten(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().SelectMany(Flatten).ToArray() : [value.GetDouble()];

    private static double[] Values(byte[] bytes, Layout layout, int length)
    {
        Assert.Equal(length * (layout == Layout.Int64 ? 8 : 4), bytes.Length);
        return Enumerable.Range(0, length)
            .Select(i => layout == Layout.Int64
                ? BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * 8))
                : (double)BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4)))
            .ToArray();
    }
}
