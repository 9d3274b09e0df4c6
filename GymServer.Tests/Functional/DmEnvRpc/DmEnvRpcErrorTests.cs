using Grpc.Core;
using GymServer.Web.DmEnvRpc.V1;
using Google.Protobuf.WellKnownTypes;
using static GymServer.Tests.Functional.DmEnvRpc.DmEnvRpcTestClient;

namespace GymServer.Tests.Functional.DmEnvRpc;

/// <summary>
/// Every refused request gets its error (a google.rpc.Status with the right code and a message that says why) and
/// the stream goes on: each test ends with a request that succeeds on the same stream.
/// </summary>
public sealed class DmEnvRpcErrorTests
{
    public static TheoryData<string, StatusCode, string> BadCreateWorlds => new()
    {
        { "none", StatusCode.InvalidArgument, "env_id" },
        { "unknown env", StatusCode.InvalidArgument, "NoSuchEnv-v0" },
        { "env_id not a string", StatusCode.InvalidArgument, "env_id" },
        { "unknown kwarg", StatusCode.InvalidArgument, "no_such_keyword" },
        { "kwarg of the wrong type", StatusCode.InvalidArgument, "max_episode_steps" },
        { "negative seed", StatusCode.InvalidArgument, "seed" },
        { "text seed", StatusCode.InvalidArgument, "seed" },
        { "array setting", StatusCode.InvalidArgument, "scalar" },
        { "bad schedule", StatusCode.InvalidArgument, "cubic" },
    };

    [Theory]
    [MemberData(nameof(BadCreateWorlds))]
    public async Task BadCreateWorldIsRefused(string kind, StatusCode code, string mentioned)
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        var request = kind switch
        {
            "none" => CreateWorld(null),
            "unknown env" => CreateWorld("NoSuchEnv-v0"),
            "env_id not a string" => CreateWorld(null, ("env_id", Int64(3))),
            "unknown kwarg" => CreateWorld("CartPole-v1", ("no_such_keyword", Int64(1))),
            "kwarg of the wrong type" => CreateWorld("CartPole-v1", ("max_episode_steps", Text("many"))),
            "negative seed" => CreateWorld("CartPole-v1", ("seed", Int64(-1))),
            "text seed" => CreateWorld("CartPole-v1", ("seed", Text("42"))),
            "array setting" => CreateWorld("CartPole-v1", ("seed", Int64s([1, 2], 2))),
            _ => CreateWorld("CartPole-v1", ("record", Text("weekly"))),
        };
        AssertError(await client.SendAsync(request), code, mentioned);
        await AssertStreamWorksAsync(client);
    }

    [Fact]
    public async Task WorldRequestsOutOfPlaceAreRefused()
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        AssertError(await client.SendAsync(Step(null)), StatusCode.FailedPrecondition, "JoinWorld");
        AssertError(await client.SendAsync(new EnvironmentRequest { Reset = new ResetRequest() }), StatusCode.FailedPrecondition, "JoinWorld");
        AssertError(await client.SendAsync(new EnvironmentRequest { JoinWorld = new JoinWorldRequest { WorldName = "nope" } }),
            StatusCode.NotFound, "nope");
        AssertError(await client.SendAsync(new EnvironmentRequest { ResetWorld = new ResetWorldRequest { WorldName = "nope" } }),
            StatusCode.NotFound, "nope");
        AssertError(await client.SendAsync(new EnvironmentRequest { DestroyWorld = new DestroyWorldRequest { WorldName = "nope" } }),
            StatusCode.NotFound, "nope");
        // Leaving when not joined is a no-op.
        AssertOk(await client.SendAsync(new EnvironmentRequest { LeaveWorld = new LeaveWorldRequest() }), EnvironmentResponse.PayloadOneofCase.LeaveWorld);

        var world = await client.CreateWorldAsync("CartPole-v1");
        AssertError(await client.SendAsync(new EnvironmentRequest
        {
            JoinWorld = new JoinWorldRequest { WorldName = world, Settings = { ["team"] = Int64(1) } },
        }), StatusCode.InvalidArgument, "team");
        await client.JoinWorldAsync(world);
        AssertError(await client.SendAsync(new EnvironmentRequest { JoinWorld = new JoinWorldRequest { WorldName = world } }),
            StatusCode.FailedPrecondition, "LeaveWorld");
        AssertError(await client.SendAsync(new EnvironmentRequest { DestroyWorld = new DestroyWorldRequest { WorldName = world } }),
            StatusCode.FailedPrecondition, "LeaveWorld");
        AssertError(await client.SendAsync(new EnvironmentRequest { Reset = new ResetRequest { Settings = { ["map"] = Int64(1) } } }),
            StatusCode.InvalidArgument, "map");
        AssertError(await client.SendAsync(new EnvironmentRequest { Extension = Any.Pack(new Empty()) }), StatusCode.Unimplemented, "extension");
        AssertError(await client.SendAsync(new EnvironmentRequest()), StatusCode.InvalidArgument, "no payload");
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(null)).State);
    }

    public static TheoryData<string, string> BadSteps => new()
    {
        { "unknown observation", "uid 9" },
        { "unknown action", "uid 5" },
        { "wrong dtype", "must be INT64, got DOUBLE" },
        { "wrong shape", "shape [1, 1]" },
        { "two variable dimensions", "negative" },
        { "too many elements", "2 element(s)" },
        { "below min", "min 0, max 1" },
        { "above max", "min 0, max 1" },
        { "missing", "no action 'action'" },
    };

    [Theory]
    [MemberData(nameof(BadSteps))]
    public async Task StepsOutsideTheSpecAreRefusedAndTheEpisodeGoesOn(string kind, string mentioned)
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        await client.CreateAndJoinAsync("CartPole-v1", ("seed", Int64(5)));
        await client.StepAsync(null);
        var request = kind switch
        {
            "unknown observation" => Step(Action(Int64(0)), 1, 9),
            "unknown action" => Step(new Dictionary<ulong, Tensor> { [1] = Int64(0), [5] = Int64(0) }),
            "wrong dtype" => Step(Action(Doubles([1.0]))),
            "wrong shape" => Step(Action(Int64(1, 1, 1))),
            "two variable dimensions" => Step(Action(Int64(1, -1, -1))),
            "too many elements" => Step(Action(Int64s([0, 1]))),
            "below min" => Step(Action(Int64(-1))),
            "above max" => Step(Action(Int64(2))),
            _ => Step(null),
        };
        AssertError(await client.SendAsync(request), StatusCode.InvalidArgument, mentioned);
        // The refused step was not taken: the episode goes on from where it was.
        var next = await client.StepAsync(Action(Int64(1)), 2);
        Assert.Equal(EnvironmentStateType.Running, next.State);
        Assert.Equal([1.0], next.Observations[2].Doubles.Array);
    }

    [Fact]
    public async Task BoxActionsOutOfBoundsOrNotANumberAreRefused()
    {
        await using var server = new GymServerFactory();
        await using var client = Connect(server);
        await client.CreateAndJoinAsync("Pendulum-v1");
        await client.StepAsync(null);
        AssertError(await client.SendAsync(Step(Action(Floats([2.5f], 1)))), StatusCode.InvalidArgument, "min -2, max 2");
        AssertError(await client.SendAsync(Step(Action(Floats([float.NaN], 1)))), StatusCode.InvalidArgument, "bounds");
        AssertError(await client.SendAsync(Step(Action(Doubles([1.0], 1)))), StatusCode.InvalidArgument, "FLOAT");
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(Action(Floats([2f], 1)))).State);
    }

    [Fact]
    public async Task WorldsPastTheConnectionLimitAreResourceExhausted()
    {
        await using var server = GymServerFactory.With(new Dictionary<string, string?> { ["Gym:Node:MaxEnvsPerConnection"] = "2" });
        await using var client = Connect(server);
        var first = await client.CreateWorldAsync("CartPole-v1");
        await client.CreateWorldAsync("CartPole-v1");
        AssertError(await client.SendAsync(CreateWorld("CartPole-v1")), StatusCode.ResourceExhausted, "2 env(s)");
        AssertOk(await client.SendAsync(new EnvironmentRequest { DestroyWorld = new DestroyWorldRequest { WorldName = first } }),
            EnvironmentResponse.PayloadOneofCase.DestroyWorld);
        await client.CreateWorldAsync("CartPole-v1");
    }

    private static async Task AssertStreamWorksAsync(DmEnvRpcTestClient client)
    {
        await client.CreateAndJoinAsync("CartPole-v1");
        Assert.Equal(EnvironmentStateType.Running, (await client.StepAsync(null)).State);
    }
}
