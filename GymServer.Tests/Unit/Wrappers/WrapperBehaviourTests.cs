using System.Text.Json;
using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Engine.Wrappers;
using GymServer.Protocol;
using GymServer.Protocol.Spaces;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;
using static GymServer.Tests.Unit.Wrappers.NativeWrappersTests;

namespace GymServer.Tests.Unit.Wrappers;

/// <summary>What a chain of wrappers does besides Gymnasium's values: errors, buffers, disposal, allocation.</summary>
public sealed class WrapperBehaviourTests
{
    private static readonly EnvRegistry Registry = NativeEnvironments.CreateRegistry();

    [Theory]
    [InlineData("FrameStackObservation", """{"stack_size": 3}""")]
    [InlineData("TimeAwareObservation", "{}")]
    [InlineData("NormalizeObservation", "{}")]
    [InlineData("RecordEpisodeStatistics", "{}")]
    [InlineData("TimeLimit", """{"max_episode_steps": 4}""")]
    public void Stepping_before_reset_is_the_envs_reset_needed(string name, string kwargs)
    {
        using var env = NativeWrappers.Apply(Registry.Make("CartPole-v1"), [new(name, Kwargs(kwargs))]);
        var error = Assert.Throws<EnvException>(() => env.Step(Action(env, 0), new byte[env.ObservationSpace.ByteSize], new EnvInfo()));
        Assert.Equal(EnvErrorCodes.ResetNeeded, error.Code);
    }

    [Fact]
    public void A_refused_action_changes_neither_the_time_nor_the_stack()
    {
        using var env = NativeWrappers.Apply(
            Registry.Make("FrozenLake-v1", Kwargs("""{"is_slippery": false}""")),
            [new("TimeAwareObservation", Kwargs("""{"flatten": false}""")), new("FrameStackObservation", Kwargs("""{"stack_size": 2}"""))]);
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        env.Reset(0, null, observation, info);
        env.Step(Action(env, 2), observation, info);
        var before = env.ObservationSpace.ValueJson(observation);

        var error = Assert.Throws<EnvException>(() => env.Step(Action(env, 9), observation, info));
        Assert.Equal(EnvErrorCodes.InvalidAction, error.Code);
        env.Step(Action(env, 1), observation, info);

        // Right then down from the start: cells 1 then 5, at times 1 and 2, as if the refused action never came.
        Assert.Equal("""{"obs":[0,1],"time":[[0],[1]]}""", before);
        Assert.Equal("""{"obs":[1,5],"time":[[1],[2]]}""", env.ObservationSpace.ValueJson(observation));
    }

    [Fact]
    public void An_action_of_the_wrong_size_is_an_invalid_action()
    {
        using var env = NativeWrappers.Apply(Registry.Make("Pendulum-v1"), [new("ClipAction")]);
        env.Reset(0, null, new byte[env.ObservationSpace.ByteSize], new EnvInfo());
        var error = Assert.Throws<EnvException>(() => env.Step(new byte[8], new byte[env.ObservationSpace.ByteSize], new EnvInfo()));
        Assert.Equal(EnvErrorCodes.InvalidAction, error.Code);
    }

    [Fact]
    public void An_observation_buffer_of_the_wrong_size_is_refused()
    {
        using var env = NativeWrappers.Apply(Registry.Make("CartPole-v1"), [new("FlattenObservation"), new("FrameStackObservation", Kwargs("""{"stack_size": 2}"""))]);
        Assert.Throws<ArgumentException>(() => env.Reset(0, null, new byte[16], new EnvInfo()));
    }

    [Fact]
    public void A_chain_reports_the_spec_and_the_env_under_it_and_disposes_it()
    {
        var probe = new ProbeEnv(new Box(-1.0, 1.0, [2], DType.Float32));
        var env = NativeWrappers.Apply(probe, [
            new("ClipAction"),
            new("TimeLimit", Kwargs("""{"max_episode_steps": 7}""")),
            new("NormalizeReward"),
        ]);
        Assert.Same(probe, ((EnvWrapper)env).Unwrapped);
        Assert.Equal(7, env.Spec.MaxEpisodeSteps);
        Assert.Null(probe.Spec.MaxEpisodeSteps);
        env.Dispose();
        Assert.True(probe.Disposed);
    }

    [Fact]
    public void Rewards_stay_ints_only_through_int_clipping()
    {
        using var cliff = Registry.Make("CliffWalking-v1");
        Assert.True(cliff.Spec.IntegerRewards);
        Assert.True(NativeWrappers.Apply(cliff, [new("ClipReward", Kwargs("""{"min_reward": -5}"""))]).Spec.IntegerRewards);
        Assert.False(NativeWrappers.Apply(cliff, [new("ClipReward", Kwargs("""{"min_reward": -5.0}"""))]).Spec.IntegerRewards);
        Assert.False(NativeWrappers.Apply(cliff, [new("NormalizeReward")]).Spec.IntegerRewards);
    }

    public static TheoryData<string, string> Chains() => new()
    {
        {
            "Pendulum-v1",
            """[{"name":"RescaleAction","kwargs":{"min_action":-1,"max_action":1}},{"name":"ClipAction"},{"name":"NormalizeObservation"},{"name":"NormalizeReward"},{"name":"TimeLimit","kwargs":{"max_episode_steps":50}},{"name":"RecordEpisodeStatistics"}]"""
        },
        {
            "CartPole-v1",
            """[{"name":"DtypeObservation","kwargs":{"dtype":"float64"}},{"name":"FrameStackObservation","kwargs":{"stack_size":4}},{"name":"RecordEpisodeStatistics"},{"name":"ClipReward","kwargs":{"max_reward":0.5}}]"""
        },
        {
            "FrozenLake-v1",
            """[{"name":"FlattenObservation"},{"name":"FrameStackObservation","kwargs":{"stack_size":4,"padding_type":"zero"}},{"name":"NormalizeObservation"}]"""
        },
        {
            "Blackjack-v1",
            """[{"name":"TimeLimit","kwargs":{"max_episode_steps":3}},{"name":"TimeAwareObservation","kwargs":{"normalize_time":true}},{"name":"NormalizeObservation"},{"name":"RecordEpisodeStatistics"}]"""
        },
        {
            "Acrobot-v1",
            """[{"name":"TimeAwareObservation","kwargs":{"flatten":false}},{"name":"FrameStackObservation","kwargs":{"stack_size":2}},{"name":"FlattenObservation"},{"name":"NormalizeReward"}]"""
        },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void A_chain_steps_without_allocating(string envId, string wrappersJson)
    {
        using var document = JsonDocument.Parse(wrappersJson);
        using var env = NativeWrappers.Apply(Registry.Make(envId), Conformance.WrapperConformanceTests.ReadWrappers(document.RootElement));
        var observation = new byte[env.ObservationSpace.ByteSize];
        var info = new EnvInfo();
        var actions = Enumerable.Range(0, 16).Select(i => SomeAction(env, i)).ToArray();
        env.ActionSpace.Seed(1);
        env.Reset(1, null, observation, info);
        Run(env, actions, observation, info, 2_000); // warm up, so the measure sees steady-state code only
        AllocationAssert.SteadyStateAllocatesNothing(() => Run(env, actions, observation, info, 10_000));
    }

    private static void Run(IEnv env, byte[][] actions, byte[] observation, EnvInfo info, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            if (env.Step(actions[i % actions.Length], observation, info).Done)
            {
                env.Reset(null, null, observation, info);
            }
        }
    }

    private static byte[] SomeAction(IEnv env, int i) => env.ActionSpace switch
    {
        Discrete discrete => Action(env, i % discrete.N),
        _ => env.ActionSpace.Sample(),
    };

    private static byte[] Action(IEnv env, long value)
    {
        var action = new byte[env.ActionSpace.ByteSize];
        Discrete.Write(action, value);
        return action;
    }
}
