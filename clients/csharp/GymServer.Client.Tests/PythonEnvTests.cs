using System.Text.Json.Nodes;
using GymServer.Client.Spaces;

namespace GymServer.Client.Tests;

/// <summary>
/// Every space kind end to end, with the repository's Python test env GymServerTest/Dict-v0 (a Dict observation of
/// Box, MultiBinary, Discrete with start and a 2-D MultiDiscrete; a Tuple action of Discrete, float64 Box and
/// MultiDiscrete), run by a real Python worker with the fake gymnasium of python/tests/fakegym.
/// </summary>
public sealed class PythonEnvTests : IAsyncLifetime
{
    private const string DictEnv = "GymServerTest/Dict-v0";
    private ServerFixture _server = null!;

    public Task InitializeAsync()
    {
        _server = ServerFixture.WithPythonWorkers();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DictObservationsAndTupleActionsCrossIntact()
    {
        await using var client = await _server.ConnectAsync();
        await using var env = await client.MakeAsync(DictEnv);
        Assert.Equal("python", env.Backend);
        var observationSpace = Assert.IsType<DictSpace>(env.ObservationSpace);
        Assert.Equal(["flags", "grid", "mode", "position"], observationSpace.Spaces.Select(p => p.Key));
        Assert.Equal([2, 2], Assert.IsType<MultiDiscrete>(observationSpace["grid"]).Shape);
        Assert.Equal(1, Assert.IsType<Discrete>(observationSpace["mode"]).Start);
        Assert.Equal(3, Assert.IsType<MultiBinary>(observationSpace["flags"]).Count);
        var actionSpace = Assert.IsType<TupleSpace>(env.ActionSpace);
        Assert.Equal("float64", Assert.IsType<Box>(actionSpace.Spaces[1]).DType);

        var (observation, info) = await env.ResetAsync(seed: 1, new JsonObject { ["start"] = 0.25 });
        Assert.Equal(0.25, info.GetProperty("options").GetProperty("start").GetDouble());
        var parts = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(observation);
        Assert.Equal([0.25f, 0.25f], (float[])parts["position"]);
        Assert.Equal([1L, 2L, 3L, 4L], (long[])parts["grid"]);
        Assert.True(observationSpace.Contains(observation));

        var step = await env.StepAsync(new object[] { 1L, new[] { 0.5 }, new[] { 2L, 3L } });
        Assert.Equal(100 + 0.5 + 20 + 3, step.Reward);
        Assert.Equal([0.75f, 0.75f], (float[])((IReadOnlyDictionary<string, object>)step.Observation)["position"]);
        Assert.Equal("nan", step.Info.GetProperty("nan").GetString());
        Assert.True(actionSpace.Contains(await env.SampleAsync()));
    }

    [Fact]
    public async Task DictEnvStepsAlikeInBothEncodings()
    {
        var runs = new List<(ResetResult Reset, StepResult Step)>();
        foreach (var encoding in new[] { GymEncoding.Json, GymEncoding.Binary })
        {
            await using var client = await _server.ConnectAsync(encoding);
            await using var env = await client.MakeAsync(DictEnv);
            Assert.Equal(encoding == GymEncoding.Binary, env.UsesBinaryEncoding);
            var reset = await env.ResetAsync(seed: 1, new JsonObject { ["start"] = 0.25 });
            runs.Add((reset, await env.StepAsync(new object[] { 1L, new[] { 0.5 }, new[] { 2L, 3L } })));
            Assert.True(env.ActionSpace.Contains(await env.SampleAsync()));
        }
        var (json, binary) = (runs[0], runs[1]);
        Assert.Equal(json.Reset.Info.GetRawText(), binary.Reset.Info.GetRawText());
        Assert.Equal(json.Step.Info.GetRawText(), binary.Step.Info.GetRawText());
        Assert.Equal((json.Step.Reward, json.Step.Terminated, json.Step.Truncated), (binary.Step.Reward, binary.Step.Terminated, binary.Step.Truncated));
        foreach (var (a, b) in new[] { (json.Reset.Observation, binary.Reset.Observation), (json.Step.Observation, binary.Step.Observation) })
        {
            var x = (IReadOnlyDictionary<string, object>)a;
            var y = (IReadOnlyDictionary<string, object>)b;
            Assert.Equal(x.Keys, y.Keys);
            Assert.All(x.Keys, key => Assert.Equal(x[key], y[key]));
        }
    }

    [Fact]
    public async Task DictVectorsStepAlikeInBothEncodings()
    {
        var results = new List<VectorStepResult>();
        foreach (var encoding in new[] { GymEncoding.Json, GymEncoding.Binary })
        {
            await using var client = await _server.ConnectAsync(encoding);
            await using var vector = await client.MakeVecAsync(DictEnv, 2);
            await vector.ResetAsync(seed: 3);
            results.Add(await vector.StepAsync([new object[] { 0L, new[] { 0.5 }, new[] { 1L, 1L } }, new object[] { 1L, new[] { 0.25 }, new[] { 0L, 3L } }]));
        }
        Assert.Equal(results[0].Rewards, results[1].Rewards);
        Assert.Equal([0 + 0.5 + 10 + 1, 100 + 0.25 + 0 + 3], results[1].Rewards);
        for (var i = 0; i < 2; i++)
        {
            var json = (IReadOnlyDictionary<string, object>)results[0].Observations[i];
            var binary = (IReadOnlyDictionary<string, object>)results[1].Observations[i];
            Assert.Equal(json.Keys, binary.Keys);
            Assert.All(json.Keys, key => Assert.Equal(json[key], binary[key]));
            Assert.Equal(results[0].Infos[i].GetProperty("pair").GetRawText(), results[1].Infos[i].GetProperty("pair").GetRawText());
        }
    }
}
