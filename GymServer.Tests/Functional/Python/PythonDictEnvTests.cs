using System.Buffers.Binary;
using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Functional.Python;

/// <summary>
/// An env with a Dict observation (Box, MultiBinary, Discrete with start, 2-D MultiDiscrete) and a Tuple action
/// (Discrete, float64 Box, MultiDiscrete): Python spaces arrive as the engine's own, values cross byte for byte.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonDictEnvTests
{
    private const string DictEnv = "GymServerTest/Dict-v0";

    [Fact]
    public async Task SpacesArriveAsEngineSpacesInKeyOrder()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync(DictEnv);
        var observation = Assert.IsType<DictSpace>(env.ObservationSpace);
        Assert.Equal(["flags", "grid", "mode", "position"], observation.Keys);
        Assert.IsType<MultiBinary>(observation["flags"]);
        Assert.IsType<MultiDiscrete>(observation["grid"]);
        Assert.Equal(1, Assert.IsType<Discrete>(observation["mode"]).Start);
        Assert.Equal(DType.Float32, Assert.IsType<Box>(observation["position"]).DType);
        Assert.Equal(3 + 4 * 8 + 8 + 2 * 4, observation.ByteSize);
        var action = Assert.IsType<TupleSpace>(env.ActionSpace);
        Assert.Equal(["Discrete", "Box", "MultiDiscrete"], action.Spaces.Select(space => space.TypeName));
        Assert.Equal(
            """{"type":"Box","shape":[1],"dtype":"float64","low":["-inf"],"high":["inf"]}""",
            action.Spaces[1].DescriptionJson());
    }

    [Fact]
    public async Task ValuesCrossIntactBothWays()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync(DictEnv);
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        using var options = JsonDocument.Parse("""{"start":0.25}""");
        await env.ResetAsync(1, options.RootElement, observation, info, CancellationToken.None);
        Assert.Equal("""{"start":0.25}""", PythonImageEnvTests.RawInfo(info, "options"));
        Assert.True(env.ObservationSpace.Contains(observation));
        Assert.Contains("\"position\":[0.25,0.25]", env.ObservationSpace.ValueJson(observation));
        Assert.Contains("\"grid\":[[1,2],[3,4]]", env.ObservationSpace.ValueJson(observation));

        using var actionJson = JsonDocument.Parse("[1,[0.5],[2,3]]");
        var action = new byte[env.ActionSpace.ByteSize];
        env.ActionSpace.ReadValue(actionJson.RootElement, action);
        var result = await env.StepAsync(action, observation, info, CancellationToken.None);
        Assert.Equal(100 + 0.5 + 20 + 3, result.Reward);
        Assert.False(result.Terminated);
        Assert.Equal(0.75f, BinaryPrimitives.ReadSingleLittleEndian(observation.AsSpan(observation.Length - 8)));
        Assert.Equal("[2,3]", PythonImageEnvTests.RawInfo(info, "pair"));
        Assert.Equal("\"nan\"", PythonImageEnvTests.RawInfo(info, "nan"));
        Assert.Equal("\"inf\"", PythonImageEnvTests.RawInfo(info, "inf"));
        Assert.Equal("""{"1":[2,"x"]}""", PythonImageEnvTests.RawInfo(info, "nested"));

        result = await env.StepAsync(action, observation, info, CancellationToken.None);
        Assert.True(result.Terminated);
    }

    [Fact]
    public async Task SampleAndRenderText()
    {
        await using var pool = await PythonTestPool.StartAsync(workers: 1);
        await using var env = await pool.MakeAsync(DictEnv, renderMode: "ansi");
        var sample = new byte[env.ActionSpace.ByteSize];
        var again = new byte[env.ActionSpace.ByteSize];
        await env.SampleAsync(actionSpace: true, seed: 11, sample, CancellationToken.None);
        await env.SampleAsync(actionSpace: true, seed: 11, again, CancellationToken.None);
        Assert.Equal(sample, again);
        var observation = new byte[env.ObservationSpace.ByteSize];
        await env.SampleAsync(actionSpace: false, seed: 2, observation, CancellationToken.None);
        Assert.True(env.ObservationSpace.Contains(observation));

        await env.ResetAsync(null, null, observation, new EnvInfo(), CancellationToken.None);
        var rendered = await env.RenderAsync(CancellationToken.None);
        Assert.Equal("text", rendered.Kind);
        Assert.Equal("position=[0.0, 0.0]\n", rendered.Text);
    }
}
