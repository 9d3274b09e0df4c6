using GymServer.Engine.Environments;
using GymServer.Engine.Spaces;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Environments;

/// <summary>What every toy-text env does alike: registration, ordering, action checks, seeding, allocation.</summary>
public sealed class ToyTextEnvTests
{
    public static TheoryData<string> Ids() =>
        new("FrozenLake-v1", "FrozenLake8x8-v1", "Taxi-v3", "Taxi-v4", "CliffWalking-v1", "CliffWalkingSlippery-v1", "Blackjack-v1");

    /// <summary>The ids whose trajectories depend on the seed (CliffWalking-v1 is deterministic from a fixed start).</summary>
    public static TheoryData<string> StochasticIds() =>
        new("FrozenLake-v1", "FrozenLake8x8-v1", "Taxi-v3", "Taxi-v4", "CliffWalkingSlippery-v1", "Blackjack-v1");

    [Theory]
    [InlineData("FrozenLake-v1", 100, 0.70, true)]
    [InlineData("FrozenLake8x8-v1", 200, 0.85, true)]
    [InlineData("Taxi-v3", 200, 8.0, true)]
    [InlineData("Taxi-v4", 200, 8.0, true)]
    [InlineData("CliffWalking-v1", null, null, true)]
    [InlineData("CliffWalkingSlippery-v1", null, null, true)]
    [InlineData("Blackjack-v1", null, null, false)]
    public void Registered_as_gymnasium_registers_it(string id, int? maxSteps, double? threshold, bool integerRewards)
    {
        Assert.True(ToyTextKit.Registry.TryGet(id, out var registration));
        Assert.Equal(maxSteps, registration.Spec.MaxEpisodeSteps);
        Assert.Equal(threshold, registration.Spec.RewardThreshold);
        Assert.Equal(integerRewards, registration.Spec.IntegerRewards);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Step_before_reset_is_reset_needed(string id)
    {
        using var env = ToyTextKit.Make(id);
        var error = Assert.Throws<EnvException>(() => ToyTextKit.Step(env, 0));
        Assert.Equal(EnvErrorCodes.ResetNeeded, error.Code);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Action_outside_the_space_is_invalid_action(string id)
    {
        using var env = ToyTextKit.Make(id);
        ToyTextKit.Reset(env, 0);
        var n = ((Discrete)env.ActionSpace).N;
        foreach (var action in new[] { -1, n, long.MaxValue })
        {
            var error = Assert.Throws<EnvException>(() => ToyTextKit.Step(env, action));
            Assert.Equal(EnvErrorCodes.InvalidAction, error.Code);
            Assert.Contains(action.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Unknown_kwarg_is_refused(string id)
    {
        var error = ToyTextKit.MakeFails(id, """{"slipery": true}""");
        Assert.Contains("slipery", error.Message);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Same_seed_gives_the_same_trajectory(string id)
    {
        using var first = ToyTextKit.Make(id);
        using var second = ToyTextKit.Make(id);
        Assert.Equal(ToyTextKit.Trajectory(first, 123, 300), ToyTextKit.Trajectory(second, 123, 300));
    }

    [Theory]
    [MemberData(nameof(StochasticIds))]
    public void Different_seeds_give_different_trajectories(string id)
    {
        using var env = ToyTextKit.Make(id);
        Assert.NotEqual(ToyTextKit.Trajectory(env, 123, 300), ToyTextKit.Trajectory(env, 124, 300));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Observations_stay_in_the_observation_space(string id)
    {
        using var env = ToyTextKit.Make(id);
        var observation = new byte[env.ObservationSpace.ByteSize];
        var action = new byte[env.ActionSpace.ByteSize];
        var info = new EnvInfo();
        env.ActionSpace.Seed(5);
        env.Reset(5, null, observation, info);
        for (var i = 0; i < 2000; i++)
        {
            env.ActionSpace.Sample(action);
            var result = env.Step(action, observation, info);
            Assert.True(env.ObservationSpace.Contains(observation), $"{id} step {i}: {env.ObservationSpace.ValueJson(observation)}");
            if (result.Done)
            {
                env.Reset(null, null, observation, info);
                Assert.True(env.ObservationSpace.Contains(observation));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    [InlineData("Taxi-v3", """{"is_rainy": true, "fickle_passenger": true}""")]
    [InlineData("Taxi-v4", """{"is_rainy": true, "fickle_passenger": true, "rainy_probability": 0.5, "fickle_probability": 1}""")]
    [InlineData("Blackjack-v1", """{"sab": false, "natural": true}""")]
    public void Steps_and_unseeded_resets_allocate_nothing(string id, string kwargs = "{}")
    {
        using var env = ToyTextKit.Make(id, kwargs);
        var observation = new byte[env.ObservationSpace.ByteSize];
        var actions = new byte[64 * sizeof(long)];
        var info = new EnvInfo();
        for (var i = 0; i < 64; i++)
        {
            Discrete.Write(actions.AsSpan(i * sizeof(long)), i % ((Discrete)env.ActionSpace).N);
        }
        env.Reset(1, null, observation, info);
        Run(env, observation, actions, info, 1000); // warm up, so the measure sees steady-state code only
        AllocationAssert.SteadyStateAllocatesNothing(() => Run(env, observation, actions, info, 20_000));
    }

    [Theory]
    [InlineData("FrozenLake-v1", 100)]
    [InlineData("Taxi-v3", 200)]
    [InlineData("Taxi-v4", 200)]
    public void TimeLimit_truncates_at_max_episode_steps(string id, int limit)
    {
        // Not slippery, a corner and a push into the wall (left in FrozenLake, north in Taxi's top row) never ends it.
        var kwargs = id.StartsWith("FrozenLake", StringComparison.Ordinal) ? """{"is_slippery": false}""" : "{}";
        using var env = ToyTextKit.Make(id, kwargs);
        var wallward = id.StartsWith("Taxi", StringComparison.Ordinal) ? 1 : 0;
        ToyTextKit.Reset(env, 3);
        for (var i = 1; i < limit; i++)
        {
            var (_, early) = ToyTextKit.Step(env, wallward);
            Assert.False(early.Truncated || early.Terminated, $"step {i}");
        }
        var (_, last) = ToyTextKit.Step(env, wallward);
        Assert.True(last.Truncated);
        Assert.False(last.Terminated);
    }

    [Fact]
    public void Max_episode_steps_kwarg_overrides_the_registered_limit()
    {
        using var env = ToyTextKit.Make("CliffWalking-v1", """{"max_episode_steps": 3}""");
        Assert.Equal(3, env.Spec.MaxEpisodeSteps);
        ToyTextKit.Reset(env, 0);
        Assert.False(ToyTextKit.Step(env, 3).Result.Truncated);
        Assert.False(ToyTextKit.Step(env, 3).Result.Truncated);
        Assert.True(ToyTextKit.Step(env, 3).Result.Truncated);
    }

    private static void Run(IEnv env, byte[] observation, byte[] actions, EnvInfo info, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            var action = actions.AsSpan((i * 7 % 64) * sizeof(long), sizeof(long));
            if (env.Step(action, observation, info).Done)
            {
                env.Reset(null, null, observation, info);
            }
        }
    }
}
