using GymServer.Client.Spaces;

namespace GymServer.Client.Tests;

/// <summary>Vector envs in both encodings: the same seeds and actions must give what single envs give.</summary>
[Collection(ServerCollection.Name)]
public sealed class VectorEnvTests(ServerFixture server)
{
    public static TheoryData<GymEncoding> Encodings => [GymEncoding.Json, GymEncoding.Binary];

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task SubEnvIFollowsASingleEnvSeededSPlusI(GymEncoding encoding)
    {
        await using var client = await server.ConnectAsync(encoding);
        await using var vector = await client.MakeVecAsync("CartPole-v1", 3);
        Assert.Equal(encoding == GymEncoding.Binary, vector.UsesBinaryEncoding);
        Assert.Equal(3, vector.NumEnvs);
        Assert.IsType<Box>(vector.SingleObservationSpace);
        Assert.IsType<Discrete>(vector.SingleActionSpace);
        var singles = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.MakeAsync("CartPole-v1")));

        var reset = await vector.ResetAsync(seed: 10);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal((float[])(await singles[i].ResetAsync(seed: 10 + i)).Observation, (float[])reset.Observations[i]);
        }
        object[] actions = [1L, 0L, 1L];
        for (var t = 0; t < 5; t++)
        {
            var step = await vector.StepAsync(actions);
            for (var i = 0; i < 3; i++)
            {
                var single = await singles[i].StepAsync(actions[i]);
                Assert.Equal((float[])single.Observation, (float[])step.Observations[i]);
                Assert.Equal(single.Reward, step.Rewards[i]);
                Assert.Equal((single.Terminated, single.Truncated), (step.Terminated[i], step.Truncated[i]));
                Assert.Equal(System.Text.Json.JsonValueKind.Object, step.Infos[i].ValueKind);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task AnEndedSubEnvIsResetOnTheNextStep(GymEncoding encoding)
    {
        await using var client = await server.ConnectAsync(encoding);
        await using var vector = await client.MakeVecAsync("CartPole-v1", 2);
        await vector.ResetAsync(seed: 1);
        object[] actions = [1L, 1L];
        VectorStepResult step;
        do
        {
            step = await vector.StepAsync(actions);
        }
        while (!step.Terminated.Any(t => t));
        var ended = Array.IndexOf(step.Terminated, true);
        var next = await vector.StepAsync(actions);
        Assert.Equal(0.0, next.Rewards[ended]);
        Assert.False(next.Terminated[ended] || next.Truncated[ended]);
        Assert.All((float[])next.Observations[ended], x => Assert.InRange(x, -0.05f, 0.05f));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task InfosCrossInBothEncodings(GymEncoding encoding)
    {
        await using var client = await server.ConnectAsync(encoding);
        await using var lakes = await client.MakeVecAsync("FrozenLake-v1", 2, new() { ["is_slippery"] = false });
        var reset = await lakes.ResetAsync(seed: 0);
        Assert.Equal([0L, 0L], reset.Observations);
        var step = await lakes.StepAsync([2L, 1L]);
        Assert.Equal([1L, 4L], step.Observations);
        Assert.Equal([0.0, 0.0], step.Rewards);
        Assert.All(step.Infos, info => Assert.Equal(1.0, info.GetProperty("prob").GetDouble()));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task BoxActionsStepInBothEncodings(GymEncoding encoding)
    {
        await using var client = await server.ConnectAsync(encoding);
        await using var vector = await client.MakeVecAsync("Pendulum-v1", 2);
        await using var single = await client.MakeAsync("Pendulum-v1");
        await vector.ResetAsync(seed: 4);
        await single.ResetAsync(seed: 5);
        var step = await vector.StepAsync([new[] { 0.25f }, new[] { -1.5f }]);
        var expected = await single.StepAsync(new[] { -1.5f });
        Assert.Equal((float[])expected.Observation, (float[])step.Observations[1]);
        Assert.Equal(expected.Reward, step.Rewards[1]);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task BadActionsLeaveTheVectorUntouched(GymEncoding encoding)
    {
        await using var client = await server.ConnectAsync(encoding);
        await using var vector = await client.MakeVecAsync("CartPole-v1", 2);
        var reset = await vector.ResetAsync(seed: 7);
        await Assert.ThrowsAsync<ArgumentException>(() => vector.StepAsync([1L]));
        var error = await Assert.ThrowsAsync<GymServerException>(() => vector.StepAsync([1L, 5L]));
        Assert.Equal("invalid_action", error.Code);
        Assert.Contains("actions[1]", error.Message);
        var reference = await client.MakeAsync("CartPole-v1");
        await reference.ResetAsync(seed: 7);
        var expected = await reference.StepAsync(0L);
        var step = await vector.StepAsync([0L, 0L]);
        Assert.Equal((float[])expected.Observation, (float[])step.Observations[0]);
        Assert.Equal((float[])reset.Observations[0], (float[])(await reference.ResetAsync(seed: 7)).Observation);
    }

    [Fact]
    public async Task BinaryIsNegotiatedAtTheHandshake()
    {
        await using var client = await server.ConnectAsync(GymEncoding.Binary);
        Assert.Equal(GymEncoding.Binary, client.Encoding);
        await using var json = await server.ConnectAsync(GymEncoding.Json);
        Assert.Equal(GymEncoding.Json, json.Encoding);
    }

    [Fact]
    public async Task NumEnvsOutOfRangeIsAnInvalidArgument()
    {
        await using var client = await server.ConnectAsync();
        Assert.Equal("invalid_argument", (await Assert.ThrowsAsync<GymServerException>(() => client.MakeVecAsync("CartPole-v1", 0))).Code);
    }
}
