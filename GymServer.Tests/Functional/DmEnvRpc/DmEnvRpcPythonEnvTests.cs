using GymServer.Tests.Functional.Python;
using GymServer.Web.DmEnvRpc.V1;
using static GymServer.Tests.Functional.DmEnvRpc.DmEnvRpcTestClient;

namespace GymServer.Tests.Functional.DmEnvRpc;

/// <summary>
/// Python envs on real worker processes through dm_env_rpc: a Dict observation flattened to observation.&lt;key&gt;,
/// a Tuple action to action.&lt;i&gt;, MultiBinary, MultiDiscrete, Discrete with a start, and a uint8 image.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class DmEnvRpcPythonEnvTests
{
    private static GymServerFactory StartServer() => GymServerFactory.With(new Dictionary<string, string?>
    {
        ["Gym:Python:Workers"] = "1",
        ["Gym:Python:Executable"] = PythonTestPool.Interpreter,
        ["Gym:Python:PythonPath:0"] = PythonTestPool.FakeGymDirectory,
        ["Gym:Python:Imports:0"] = "gymserver_testenvs",
    });

    [Fact]
    public async Task DictObservationAndTupleActionAreFlattenedAsDmEnvRpcNamesThem()
    {
        await using var server = StartServer();
        await using var client = Connect(server);
        var (_, specs) = await client.CreateAndJoinAsync("GymServerTest/Dict-v0", ("seed", Int64(1)));

        var observations = specs.Observations.OrderBy(pair => pair.Key).Select(pair => pair.Value).ToList();
        Assert.Equal(["observation.flags", "observation.grid", "observation.mode", "observation.position", "reward", "discount"],
            observations.Select(spec => spec.Name));
        Assert.Equal(DataType.Int8, observations[0].Dtype);
        Assert.Equal([3], observations[0].Shape);
        Assert.Equal([0, 1], new[] { observations[0].Min.Int8S.Array[0], observations[0].Max.Int8S.Array[0] });
        Assert.Equal([2, 2], observations[1].Shape);
        Assert.Equal([1L, 2, 3, 4], observations[1].Max.Int64S.Array);
        Assert.Equal([1L], observations[2].Min.Int64S.Array);
        Assert.Equal([3L], observations[2].Max.Int64S.Array);
        Assert.Equal((DataType.Float, -1f, 1f), (observations[3].Dtype, observations[3].Min.Floats.Array[0], observations[3].Max.Floats.Array[0]));

        var actions = specs.Actions.OrderBy(pair => pair.Key).Select(pair => pair.Value).ToList();
        Assert.Equal(["action.0", "action.1", "action.2"], actions.Select(spec => spec.Name));
        Assert.Equal(DataType.Double, actions[1].Dtype);
        Assert.Equal([double.NegativeInfinity], actions[1].Min.Doubles.Array);
        Assert.Equal([2L, 3], actions[2].Max.Int64S.Array);

        var first = await client.StepAsync(null, 1, 2, 3, 4);
        Assert.Equal([1, 2, 3, 4], first.Observations[2].Int64S.Array.Select(value => (int)value));
        Assert.Equal([2, 2], first.Observations[2].Shape);
        Assert.InRange(first.Observations[3].Int64S.Array[0], 1, 3);

        var step = await client.StepAsync(new Dictionary<ulong, Tensor>
        {
            [1] = Int64(1),
            [2] = Doubles([0.5], 1),
            [3] = Int64s([2, 3], 2),
        }, 1, 4, 5);
        // The env's reward echoes the action: 100 * turn + push + 10 * pair[0] + pair[1].
        Assert.Equal([123.5], step.Observations[5].Doubles.Array);
        Assert.Equal([0.5f, 0.5f], step.Observations[4].Floats.Array);
        Assert.Equal([1, 1, 1], step.Observations[1].Int8S.Array.ToByteArray().Select(value => (int)value));

        AssertError(await client.SendAsync(Step(new Dictionary<ulong, Tensor> { [1] = Int64(1), [2] = Doubles([0.5], 1), [3] = Int64s([3, 0], 2) })),
            Grpc.Core.StatusCode.InvalidArgument, "action 'action.2' (uid 3) is outside its spec's bounds: min 0, max [2, 3]");
    }

    [Fact]
    public async Task ImagesTravelAsUint8Bytes()
    {
        await using var server = StartServer();
        await using var client = Connect(server);
        var (_, specs) = await client.CreateAndJoinAsync("GymServerTest/Image-v0", ("seed", Int64(5)));
        var image = specs.Observations[1];
        Assert.Equal(DataType.Uint8, image.Dtype);
        Assert.Equal([84, 84, 3], image.Shape);
        Assert.Equal([0], image.Min.Uint8S.Array.ToByteArray());
        Assert.Equal([255], image.Max.Uint8S.Array.ToByteArray());
        var first = await client.StepAsync(null, 1);
        Assert.Equal(84 * 84 * 3, first.Observations[1].Uint8S.Array.Length);
    }
}
