using System.Text.Json.Nodes;
using GymServer.Client.Spaces;

namespace GymServer.Client.Tests;

/// <summary>Every call of the single-env API against the real server's native envs.</summary>
[Collection(ServerCollection.Name)]
public sealed class RemoteEnvTests(ServerFixture server)
{
    // Gymnasium 1.2.2: CartPole-v1 reset(seed=3), float32 (docs/protocol.md and clients/scenarios/protocol.json).
    private static readonly float[] CartPoleSeed3 = [-0.041435081511735916f, -0.026318948715925217f, 0.030127447098493576f, 0.008216203190386295f];

    [Fact]
    public async Task HandshakeNamesTheServerAndTakesBinaryUnlessAskedForJson()
    {
        await using var client = await server.ConnectAsync();
        Assert.StartsWith("GymServer ", client.ServerVersion);
        Assert.Equal(GymEncoding.Binary, client.Encoding);
        await using var env = await client.MakeAsync("CartPole-v1");
        Assert.True(env.UsesBinaryEncoding);
        await using var json = await server.ConnectAsync(GymEncoding.Json);
        Assert.Equal(GymEncoding.Json, json.Encoding);
        await using var jsonEnv = await json.MakeAsync("CartPole-v1");
        Assert.False(jsonEnv.UsesBinaryEncoding);
    }

    [Theory]
    [InlineData("CartPole-v1")]
    [InlineData("FrozenLake-v1")]
    [InlineData("Pendulum-v1")]
    [InlineData("Blackjack-v1")]
    public async Task BinaryFramesGiveTheValuesOfJson(string id)
    {
        var runs = new List<List<string>>();
        foreach (var encoding in new[] { GymEncoding.Json, GymEncoding.Binary })
        {
            await using var client = await server.ConnectAsync(encoding);
            await using var env = await client.MakeAsync(id);
            Assert.Equal(encoding == GymEncoding.Binary, env.UsesBinaryEncoding);
            var run = new List<string>();
            var (observation, info) = await env.ResetAsync(seed: 5);
            run.Add(Describe(observation) + info.GetRawText());
            for (var i = 0; i < 80; i++)
            {
                object action = env.ActionSpace is Box ? new[] { (i % 9 - 4) * 0.5f } : (long)(i % 2);
                var step = await env.StepAsync(action);
                run.Add($"{Describe(step.Observation)} {step.Reward} {step.Terminated} {step.Truncated} {step.Info.GetRawText()}");
                if (step.Terminated || step.Truncated)
                {
                    (observation, info) = await env.ResetAsync();
                    run.Add(Describe(observation) + info.GetRawText());
                }
            }
            Assert.True(env.ActionSpace.Contains(await env.SampleAsync()));
            runs.Add(run);
        }
        Assert.Equal(runs[0], runs[1]);
    }

    private static string Describe(object value) => value switch
    {
        float[] floats => string.Join(",", floats.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        object[] parts => "(" + string.Join(";", parts.Select(Describe)) + ")",
        System.Collections.IEnumerable items and not string => string.Join(",", items.Cast<object>()),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    [Fact]
    public async Task MakeDescribesTheSpacesInFull()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("CartPole-v1");
        Assert.Matches("^[0-9a-f]{13}$", env.Instance);
        Assert.Equal(("CartPole-v1", "native"), (env.Id, env.Backend));
        var box = Assert.IsType<Box>(env.ObservationSpace);
        Assert.Equal([4], box.Shape);
        Assert.Equal("float32", box.DType);
        Assert.Equal(typeof(float), box.ElementType);
        Assert.Equal(4.8f, (float)box.High[0]);
        Assert.Equal(double.PositiveInfinity, box.High[1]);
        Assert.Equal(double.NegativeInfinity, box.Low[3]);
        var discrete = Assert.IsType<Discrete>(env.ActionSpace);
        Assert.Equal((2L, 0L), (discrete.N, discrete.Start));
    }

    [Fact]
    public async Task ResetWithSeedGivesGymnasiumsObservation()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("CartPole-v1");
        var (observation, info) = await env.ResetAsync(seed: 3);
        Assert.Equal(CartPoleSeed3, Assert.IsType<float[]>(observation));
        Assert.Equal(System.Text.Json.JsonValueKind.Object, info.ValueKind);
        Assert.True(env.ObservationSpace.Contains(observation));
    }

    [Fact]
    public async Task ResetOptionsReachTheEnv()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("CartPole-v1");
        var wide = (float[])(await env.ResetAsync(seed: 3)).Observation;
        var narrow = (float[])(await env.ResetAsync(seed: 3, new JsonObject { ["low"] = -0.01, ["high"] = 0.01 })).Observation;
        Assert.All(narrow, x => Assert.InRange(x, -0.01f, 0.01f));
        Assert.NotEqual(wide, narrow);
    }

    [Fact]
    public async Task StepUntilThePoleFallsReportsTerminated()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("CartPole-v1");
        await env.ResetAsync(seed: 1);
        StepResult step;
        var steps = 0;
        do
        {
            step = await env.StepAsync(1L);
            steps++;
            Assert.Equal(1.0, step.Reward);
        }
        while (!step.Terminated && !step.Truncated);
        Assert.True(step.Terminated);
        Assert.False(step.Truncated);
        Assert.InRange(steps, 5, 100);
    }

    [Fact]
    public async Task TheTimeLimitReportsTruncated()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("MountainCar-v0");
        await env.ResetAsync(seed: 0);
        var steps = 0;
        StepResult step;
        do
        {
            step = await env.StepAsync(1);
            steps++;
        }
        while (!step.Terminated && !step.Truncated);
        Assert.Equal(200, steps);
        Assert.True(step.Truncated);
        Assert.False(step.Terminated);
        Assert.Equal(-1.0, step.Reward);
    }

    [Fact]
    public async Task KwargsAndIntegerRewardsOfToyText()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("FrozenLake-v1", new JsonObject { ["is_slippery"] = false });
        Assert.Equal(16, Assert.IsType<Discrete>(env.ObservationSpace).N);
        var (observation, info) = await env.ResetAsync(seed: 0);
        Assert.Equal(0L, observation);
        Assert.Equal(1, info.GetProperty("prob").GetDouble());
        var step = await env.StepAsync(2L);
        Assert.Equal((1L, 0.0, false, false), ((long)step.Observation, step.Reward, step.Terminated, step.Truncated));
    }

    [Fact]
    public async Task TupleObservationsAndBoxActions()
    {
        await using var client = await server.ConnectAsync();
        await using var blackjack = await client.MakeAsync("Blackjack-v1");
        var tuple = Assert.IsType<TupleSpace>(blackjack.ObservationSpace);
        Assert.Equal([32L, 11L, 2L], tuple.Spaces.Select(s => ((Discrete)s).N));
        var (hand, _) = await blackjack.ResetAsync(seed: 5);
        Assert.Equal(3, Assert.IsType<object[]>(hand).Length);
        Assert.True(tuple.Contains(hand));

        await using var pendulum = await client.MakeAsync("Pendulum-v1");
        await pendulum.ResetAsync(seed: 0);
        var asFloats = await pendulum.StepAsync(new[] { 0.5f });
        Assert.True(pendulum.ObservationSpace.Contains(asFloats.Observation));
        Assert.True(asFloats.Reward < 0);
        // A double[] or a lone number is converted to the Box's float32.
        await pendulum.StepAsync(new[] { -0.5 });
        await pendulum.StepAsync(1.5f);
    }

    [Fact]
    public async Task SampleIsInTheActionSpace()
    {
        await using var client = await server.ConnectAsync();
        await using var env = await client.MakeAsync("Taxi-v3");
        for (var i = 0; i < 20; i++)
        {
            Assert.True(env.ActionSpace.Contains(await env.SampleAsync()));
        }
    }

    [Fact]
    public async Task CloseEndsTheEnvAndCloseAllEndsEveryOne()
    {
        await using var client = await server.ConnectAsync();
        var first = await client.MakeAsync("CartPole-v1");
        var second = await client.MakeAsync("CartPole-v1");
        await first.CloseAsync();
        await first.CloseAsync();
        var closed = await Assert.ThrowsAsync<GymServerException>(() => first.ResetAsync());
        Assert.Equal("unknown_instance", closed.Code);
        await second.ResetAsync();
        await client.CloseAllAsync();
        Assert.Equal("unknown_instance", (await Assert.ThrowsAsync<GymServerException>(() => second.ResetAsync())).Code);
    }

    [Fact]
    public async Task ListEnvsNamesTheNativeEnvsWithTheirSpaces()
    {
        await using var client = await server.ConnectAsync();
        var envs = await client.ListEnvsAsync();
        var cartPole = Assert.Single(envs, e => e.Id == "CartPole-v1");
        Assert.Equal("native", cartPole.Backend);
        Assert.IsType<Discrete>(cartPole.ActionSpace);
        Assert.Contains(envs, e => e.Id == "FrozenLake-v1");
    }

    [Fact]
    public async Task ConcurrentCallsOnOneConnectionAreQueued()
    {
        await using var client = await server.ConnectAsync();
        var envs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.MakeAsync("CartPole-v1")));
        var resets = await Task.WhenAll(envs.Select(e => e.ResetAsync(seed: 3)));
        Assert.All(resets, r => Assert.Equal(CartPoleSeed3, (float[])r.Observation));
        var steps = await Task.WhenAll(envs.Select(e => e.StepAsync(1L)));
        Assert.All(steps, s => Assert.Equal((float[])steps[0].Observation, (float[])s.Observation));
    }
}
