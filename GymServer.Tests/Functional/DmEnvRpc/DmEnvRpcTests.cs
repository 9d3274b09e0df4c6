using System.Text.Json;
using GymServer.Web.DmEnvRpc.V1;
using static GymServer.Tests.Functional.DmEnvRpc.DmEnvRpcTestClient;

namespace GymServer.Tests.Functional.DmEnvRpc;

/// <summary>Every dm_env_rpc request over a real HTTP/2 socket, and episodes played through it as dm_env plays them.</summary>
public sealed class DmEnvRpcTests
{
    // CartPole's UIDs: action 1; observations 1 (observation), 2 (reward), 3 (discount).
    private const ulong Observation = 1;
    private const ulong Reward = 2;
    private const ulong Discount = 3;

    [Fact]
    public async Task CreateJoinStepResetLeaveDestroy()
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        var world = await client.CreateWorldAsync("CartPole-v1", ("seed", Int64(42)));
        Assert.Equal(13, world.Length);

        var specs = await client.JoinWorldAsync(world);
        var action = Assert.Single(specs.Actions);
        Assert.Equal(1ul, action.Key);
        Assert.Equal("action", action.Value.Name);
        Assert.Equal(DataType.Int64, action.Value.Dtype);
        Assert.Empty(action.Value.Shape);
        Assert.Equal([0L], action.Value.Min.Int64S.Array);
        Assert.Equal([1L], action.Value.Max.Int64S.Array);
        Assert.Equal(["observation", "reward", "discount"], specs.Observations.OrderBy(pair => pair.Key).Select(pair => pair.Value.Name));
        var observation = specs.Observations[Observation];
        Assert.Equal(DataType.Float, observation.Dtype);
        Assert.Equal([4], observation.Shape);
        Assert.Equal(4, observation.Min.Floats.Array.Count);
        Assert.Equal(4.8f, observation.Max.Floats.Array[0]);
        Assert.Equal(DataType.Double, specs.Observations[Reward].Dtype);
        Assert.Equal([0.0], specs.Observations[Discount].Min.Doubles.Array);
        Assert.Equal([1.0], specs.Observations[Discount].Max.Doubles.Array);

        // The first step of an episode ignores its action (any uid) and answers the reset's observation.
        var first = await client.StepAsync(Action(Int64(0), uid: 99), Observation, Reward, Discount);
        Assert.Equal(EnvironmentStateType.Running, first.State);
        var start = first.Observations[Observation].Floats.Array.ToArray();
        Assert.Equal(await Protocol2ResetAsync(server, 42), start);
        Assert.Equal([0.0], first.Observations[Reward].Doubles.Array);
        Assert.Equal([1.0], first.Observations[Discount].Doubles.Array);

        var second = await client.StepAsync(Action(Int64(1)), Reward);
        Assert.Equal(EnvironmentStateType.Running, second.State);
        Assert.Equal([1.0], second.Observations[Reward].Doubles.Array);
        Assert.Equal([Reward], second.Observations.Keys);

        // Reset: the same specs back, and the next step starts an episode (reset with the seed given).
        var reset = await client.SendAsync(new EnvironmentRequest { Reset = new ResetRequest { Settings = { ["seed"] = Int64(42) } } });
        AssertOk(reset, EnvironmentResponse.PayloadOneofCase.Reset);
        Assert.Equal(specs, reset.Reset.Specs);
        Assert.Equal(start, (await client.StepAsync(null, Observation)).Observations[Observation].Floats.Array);

        AssertOk(await client.SendAsync(new EnvironmentRequest { LeaveWorld = new LeaveWorldRequest() }), EnvironmentResponse.PayloadOneofCase.LeaveWorld);
        AssertOk(await client.SendAsync(new EnvironmentRequest { DestroyWorld = new DestroyWorldRequest { WorldName = world } }),
            EnvironmentResponse.PayloadOneofCase.DestroyWorld);
        AssertError(await client.SendAsync(new EnvironmentRequest { JoinWorld = new JoinWorldRequest { WorldName = world } }),
            Grpc.Core.StatusCode.NotFound, world);
    }

    [Fact]
    public async Task ResetWorldWithSeedRestartsTheJoinedWorldsEpisode()
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        var (world, _) = await client.CreateAndJoinAsync("CartPole-v1", ("seed", Int64(7)));
        var start = (await client.StepAsync(null, Observation)).Observations[Observation].Floats.Array.ToArray();
        for (var i = 0; i < 3; i++)
        {
            await client.StepAsync(Action(Int64(1)));
        }
        var reset = await client.SendAsync(new EnvironmentRequest
        {
            ResetWorld = new ResetWorldRequest { WorldName = world, Settings = { ["seed"] = Int64(7) } },
        });
        AssertOk(reset, EnvironmentResponse.PayloadOneofCase.ResetWorld);
        var restarted = await client.StepAsync(Action(Int64(1)), Observation);
        Assert.Equal(EnvironmentStateType.Running, restarted.State);
        Assert.Equal(start, restarted.Observations[Observation].Floats.Array);
    }

    [Fact]
    public async Task TerminationIsTerminatedWithDiscountZeroAndTheNextStepStartsAnEpisode()
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        await client.CreateAndJoinAsync("CartPole-v1", ("seed", Int64(1)));
        await client.StepAsync(null);
        StepResponse step;
        var steps = 0;
        do
        {
            // Always pushing left: the pole falls within a few dozen steps.
            step = await client.StepAsync(Action(Int64(0)), Observation, Discount);
            steps++;
        }
        while (step.State == EnvironmentStateType.Running && steps < 200);
        Assert.Equal(EnvironmentStateType.Terminated, step.State);
        Assert.Equal([0.0], step.Observations[Discount].Doubles.Array);
        Assert.True(Math.Abs(step.Observations[Observation].Floats.Array[2]) > 0.2f, "the final observation is the fallen pole's");

        var next = await client.StepAsync(Action(Int64(0)), Observation, Discount);
        Assert.Equal(EnvironmentStateType.Running, next.State);
        Assert.All(next.Observations[Observation].Floats.Array, value => Assert.InRange(value, -0.05f, 0.05f));
    }

    [Fact]
    public async Task TruncationIsInterruptedWithDiscountOne()
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        await client.CreateAndJoinAsync("CartPole-v1", ("seed", Int64(1)), ("max_episode_steps", Int64(3)));
        await client.StepAsync(null);
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(Action(Int64(0)))).State);
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(Action(Int64(1)))).State);
        var last = await client.StepAsync(Action(Int64(0)), Discount);
        Assert.Equal(EnvironmentStateType.Interrupted, last.State);
        Assert.Equal([1.0], last.Observations[Discount].Doubles.Array);
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(Action(Int64(0)))).State);
    }

    [Fact]
    public async Task PipelinedRequestsAreAnsweredInOrder()
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        var world = await client.CreateWorldAsync("CartPole-v1");
        var requests = new List<EnvironmentRequest> { new() { JoinWorld = new JoinWorldRequest { WorldName = world } } };
        for (var i = 0; i < 40; i++)
        {
            requests.Add(Step(Action(Int64(i % 2)), Reward));
            requests.Add(new EnvironmentRequest { ResetWorld = new ResetWorldRequest { WorldName = i == 20 ? "nope" : world } });
        }
        requests.Add(new EnvironmentRequest { LeaveWorld = new LeaveWorldRequest() });
        foreach (var request in requests)
        {
            await client.WriteAsync(request);
        }
        foreach (var request in requests)
        {
            var response = await client.ReadAsync();
            if (request.ResetWorld?.WorldName == "nope")
            {
                AssertError(response, Grpc.Core.StatusCode.NotFound, "nope");
                continue;
            }
            Assert.Equal((int)request.PayloadCase, (int)response.PayloadCase);
        }
    }

    [Fact]
    public async Task AgentLoopSeesTheSameEpisodesAsProtocol2ForTheSameSeed()
    {
        await using var server = new GymServerFactory();
        await using var rpc = Connect(server);
        await rpc.CreateAndJoinAsync("CartPole-v1", ("seed", Int64(42)), ("max_episode_steps", Int64(60)));
        await using var tcp = await Protocol2.ConnectAsync(server);
        var instance = await tcp.MakeAsync("CartPole-v1", new Dictionary<string, object> { ["max_episode_steps"] = 60 });

        var endings = new List<EnvironmentStateType>();
        var observation = (await rpc.StepAsync(null, Observation)).Observations[Observation].Floats.Array.ToArray();
        Assert.Equal(await ObservationOf(tcp.SendAsync("reset", new { instance, seed = 42 })), observation);
        for (var episode = 0; episode < 4; episode++)
        {
            if (episode > 0)
            {
                // dm_env: the step after a LAST one starts the next episode; protocol 2 resets without a seed.
                var first = await rpc.StepAsync(Action(Int64(0)), Observation);
                Assert.Equal(EnvironmentStateType.Running, first.State);
                observation = first.Observations[Observation].Floats.Array.ToArray();
                Assert.Equal(await ObservationOf(tcp.SendAsync("reset", new { instance })), observation);
            }
            while (true)
            {
                // Balance in even episodes (truncated at 60 steps), push left in odd ones (terminated).
                var action = episode % 2 == 0 ? (observation[2] + observation[3] > 0 ? 1 : 0) : 0;
                var step = await rpc.StepAsync(Action(Int64(action)), Observation, Reward, Discount);
                var expected = await tcp.SendAsync("step", new { instance, action });
                observation = step.Observations[Observation].Floats.Array.ToArray();
                Assert.Equal(ToFloats(expected.GetProperty("observation")), observation);
                Assert.Equal(expected.GetProperty("reward").GetDouble(), step.Observations[Reward].Doubles.Array[0]);
                var terminated = expected.GetProperty("terminated").GetBoolean();
                var truncated = expected.GetProperty("truncated").GetBoolean();
                Assert.Equal(terminated ? EnvironmentStateType.Terminated : truncated ? EnvironmentStateType.Interrupted : EnvironmentStateType.Running, step.State);
                Assert.Equal(terminated ? 0.0 : 1.0, step.Observations[Discount].Doubles.Array[0]);
                if (step.State != EnvironmentStateType.Running)
                {
                    endings.Add(step.State);
                    break;
                }
            }
        }
        Assert.Equal([EnvironmentStateType.Interrupted, EnvironmentStateType.Terminated, EnvironmentStateType.Interrupted, EnvironmentStateType.Terminated], endings);
    }

    [Fact]
    public async Task TupleObservationsAreFlattenedByIndex()
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        var (_, specs) = await client.CreateAndJoinAsync("Blackjack-v1", ("seed", Int64(3)), ("sab", Bool(true)));
        Assert.Equal(["observation.0", "observation.1", "observation.2", "reward", "discount"],
            specs.Observations.OrderBy(pair => pair.Key).Select(pair => pair.Value.Name));
        Assert.Equal([31L], specs.Observations[1].Max.Int64S.Array);
        Assert.Equal([10L], specs.Observations[2].Max.Int64S.Array);
        Assert.Equal([1L], specs.Observations[3].Max.Int64S.Array);
        var first = await client.StepAsync(null, 1, 2, 3);
        Assert.InRange(first.Observations[1].Int64S.Array[0], 4, 21);
        Assert.Empty(first.Observations[1].Shape);
    }

    [Fact]
    public async Task BoxActionsAcceptBroadcastAndVariableDimensions()
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        var (_, specs) = await client.CreateAndJoinAsync("Pendulum-v1", ("seed", Int64(0)));
        var torque = specs.Actions[1];
        Assert.Equal(DataType.Float, torque.Dtype);
        Assert.Equal([1], torque.Shape);
        Assert.Equal([-2f], torque.Min.Floats.Array);
        Assert.Equal([2f], torque.Max.Floats.Array);
        await client.StepAsync(null);
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(Action(Floats([1.5f], 1)))).State);
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(Action(Floats([1.5f], -1)))).State);
        // One element fills any shape; a scalar shape does not match [1].
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(Action(Floats([-2f], 1)))).State);
        AssertError(await client.SendAsync(Step(Action(Floats([1f])))), Grpc.Core.StatusCode.InvalidArgument, "shape []");
    }

    private static async Task<float[]> Protocol2ResetAsync(GymServerFactory server, int seed)
    {
        await using var tcp = await Protocol2.ConnectAsync(server);
        var instance = await tcp.MakeAsync("CartPole-v1");
        return await ObservationOf(tcp.SendAsync("reset", new { instance, seed }));
    }

    private static async Task<float[]> ObservationOf(Task<JsonElement> reply) => ToFloats((await reply).GetProperty("observation"));

    // Protocol 2 writes a float32 as the float64 it converts to exactly, so the cast back is exact.
    private static float[] ToFloats(JsonElement values) => [.. values.EnumerateArray().Select(value => (float)value.GetDouble())];
}
