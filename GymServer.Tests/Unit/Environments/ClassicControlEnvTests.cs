using GymServer.Engine.Environments;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using static GymServer.Tests.Unit.Environments.ClassicEnvHarness;

namespace GymServer.Tests.Unit.Environments;

/// <summary>What every classic-control env must do, whatever its physics: order, action checks, TimeLimit, seeding.</summary>
public sealed class ClassicControlEnvTests
{
    [Theory]
    [MemberData(nameof(AllIds), MemberType = typeof(ClassicEnvHarness))]
    public void Step_before_reset_is_reset_needed(string id)
    {
        using var env = Make(id);
        var error = Refused(() => Step(env, Action(env, 0)));
        Assert.Equal(EnvErrorCodes.ResetNeeded, error.Code);
    }

    [Theory]
    [InlineData("CartPole-v1", 2)]
    [InlineData("CartPole-v1", -1)]
    [InlineData("MountainCar-v0", 3)]
    [InlineData("Acrobot-v1", -1)]
    [InlineData("Acrobot-v1", 3)]
    public void Discrete_action_outside_the_space_is_invalid_action(string id, long action)
    {
        using var env = Make(id);
        Reset(env, 0);
        var error = Refused(() => Step(env, Action(env, action)));
        Assert.Equal(EnvErrorCodes.InvalidAction, error.Code);
        Assert.Contains(action.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllIds), MemberType = typeof(ClassicEnvHarness))]
    public void Action_of_the_wrong_size_is_invalid_action(string id)
    {
        using var env = Make(id);
        Reset(env, 0);
        var error = Refused(() => Step(env, new byte[env.ActionSpace.ByteSize + 4]));
        Assert.Equal(EnvErrorCodes.InvalidAction, error.Code);
    }

    [Theory]
    [MemberData(nameof(AllIds), MemberType = typeof(ClassicEnvHarness))]
    public void Observation_buffer_of_the_wrong_size_is_refused(string id)
    {
        using var env = Make(id);
        Assert.Throws<ArgumentException>(() => env.Reset(0, null, new byte[env.ObservationSpace.ByteSize - 4], new EnvInfo()));
    }

    [Theory]
    [MemberData(nameof(AllIds), MemberType = typeof(ClassicEnvHarness))]
    public void TimeLimit_truncates_at_max_episode_steps(string id)
    {
        using var env = Make(id, """{"max_episode_steps": 3}""");
        Reset(env, 0);
        // Alternating pushes: nothing terminates within three steps from a reset state.
        Assert.False(Step(env, Action(env, 0)).Result.Truncated);
        Assert.False(Step(env, Action(env, 1)).Result.Truncated);
        var last = Step(env, Action(env, 0)).Result;
        Assert.True(last.Truncated);
        Assert.False(last.Terminated);
    }

    [Theory]
    [InlineData("Pendulum-v1", 0.0, 200)]
    [InlineData("MountainCar-v0", 1, 200)]
    [InlineData("MountainCarContinuous-v0", 0.0, 999)]
    public void Registered_TimeLimit_ends_an_episode_that_never_terminates(string id, double action, int limit)
    {
        using var env = Make(id);
        Reset(env, 3);
        var buffer = Action(env, action);
        for (var step = 1; step < limit; step++)
        {
            var result = Step(env, buffer).Result;
            Assert.False(result.Done, $"step {step} ended the episode");
        }
        Assert.True(Step(env, buffer).Result.Truncated);
    }

    [Theory]
    [MemberData(nameof(AllIds), MemberType = typeof(ClassicEnvHarness))]
    public void Same_seed_gives_the_same_trajectory_and_another_seed_a_different_one(string id)
    {
        var first = Trajectory(id, 42);
        Assert.Equal(first, Trajectory(id, 42));
        Assert.NotEqual(first, Trajectory(id, 43));
    }

    [Theory]
    [MemberData(nameof(AllIds), MemberType = typeof(ClassicEnvHarness))]
    public void Observations_stay_inside_the_observation_space(string id)
    {
        using var env = Make(id);
        var random = new System.Random(7);
        for (var seed = 0; seed < 5; seed++)
        {
            var observation = new byte[env.ObservationSpace.ByteSize];
            var info = new EnvInfo();
            env.Reset(seed, null, observation, info);
            Assert.True(env.ObservationSpace.Contains(observation), $"seed {seed} reset");
            for (var step = 0; step < 1000; step++)
            {
                var result = env.Step(RandomAction(env, random), observation, info);
                Assert.True(env.ObservationSpace.Contains(observation), $"seed {seed} step {step}: {env.ObservationSpace.ValueJson(observation)}");
                if (result.Done)
                {
                    break;
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllIds), MemberType = typeof(ClassicEnvHarness))]
    public void Unknown_kwarg_is_refused_by_name(string id)
    {
        var error = Refused(() => Make(id, """{"gravity_of_the_situation": 1}"""));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("gravity_of_the_situation", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reset observation and 50 steps of a fixed action sequence, flattened.</summary>
    private static List<float> Trajectory(string id, int seed)
    {
        using var env = Make(id);
        var values = new List<float>(Reset(env, seed));
        var random = new System.Random(1);
        for (var step = 0; step < 50; step++)
        {
            var (observation, result) = Step(env, RandomAction(env, random));
            values.AddRange(observation);
            values.Add((float)result.Reward);
        }
        return values;
    }
}
