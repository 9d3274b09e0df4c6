using GymServer.Engine.Environments;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using static GymServer.Tests.Unit.Environments.ClassicEnvHarness;

namespace GymServer.Tests.Unit.Environments;

/// <summary>Keyword arguments, reset options and continuous-action handling of the classic-control envs.</summary>
public sealed class ClassicControlOptionsTests
{
    [Fact]
    public void Pendulum_g_sets_gravity()
    {
        // With no gravity and no torque, the angular velocity never changes.
        using var weightless = Make("Pendulum-v1", """{"g": 0}""");
        var start = Reset(weightless, 5);
        for (var step = 0; step < 20; step++)
        {
            Assert.Equal(start[2], Step(weightless, Action(weightless, 0.0)).Observation[2]);
        }

        using var earth = Make("Pendulum-v1");
        Reset(earth, 5);
        Assert.NotEqual(start[2], Step(earth, Action(earth, 0.0)).Observation[2]);
    }

    [Fact]
    public void Pendulum_g_must_be_a_number()
    {
        var error = Refused(() => Make("Pendulum-v1", """{"g": "strong"}"""));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
    }

    [Theory]
    [InlineData(false, 1.0, 1.0, 0.0)]
    [InlineData(true, 0.0, -1.0, -1.0)]
    public void CartPole_sutton_barto_reward(bool suttonBarto, double running, double terminal, double afterTermination)
    {
        using var env = Make("CartPole-v1", suttonBarto ? """{"sutton_barto_reward": true}""" : null);
        Reset(env, 0);
        var push = Action(env, 1);
        StepResult result;
        do
        {
            result = Step(env, push).Result;
            Assert.Equal(result.Terminated ? terminal : running, result.Reward);
        }
        while (!result.Terminated);
        // Gymnasium lets a terminated episode go on, with this reward.
        Assert.Equal(afterTermination, Step(env, push).Result.Reward);
        Assert.Equal(afterTermination, Step(env, push).Result.Reward);
    }

    [Theory]
    [InlineData("MountainCar-v0", 2, 0.55)]
    [InlineData("MountainCarContinuous-v0", 1.0, 0.5)]
    public void Goal_velocity_is_part_of_the_goal(string id, double action, double startPosition)
    {
        // Past the goal position and pushing right: terminated unless the goal also asks for a high speed.
        var options = $$"""{"low": {{startPosition}}, "high": {{startPosition}}}""";
        using var env = Make(id);
        Reset(env, 0, options);
        Assert.True(Step(env, Action(env, action)).Result.Terminated);

        using var demanding = Make(id, """{"goal_velocity": 0.05}""");
        Reset(demanding, 0, options);
        Assert.False(Step(demanding, Action(demanding, action)).Result.Terminated);
    }

    [Theory]
    [InlineData("CartPole-v1")]
    [InlineData("MountainCar-v0")]
    [InlineData("Acrobot-v1")]
    public void Reset_options_low_high_bound_the_initial_state(string id)
    {
        using var env = Make(id);
        var observation = Reset(env, 0, """{"low": 0.125, "high": 0.125}""");
        var expected = id switch
        {
            "CartPole-v1" => [0.125f, 0.125f, 0.125f, 0.125f],
            "MountainCar-v0" => [0.125f, 0f],
            _ => new[] { MathF.Cos(0.125f), MathF.Sin(0.125f), MathF.Cos(0.125f), MathF.Sin(0.125f), 0.125f, 0.125f },
        };
        Assert.Equal(expected, observation, (a, b) => Math.Abs(a - b) <= 1e-7f);
    }

    [Theory]
    [InlineData("""{"low": 0.2, "high": 0.1}""")]
    [InlineData("""{"low": "wide"}""")]
    [InlineData("""{"high": null}""")]
    [InlineData("""{"low": -1e308, "high": 1e308}""")]
    [InlineData("[0.1]")]
    public void Bad_reset_options_are_invalid_argument(string options)
    {
        using var env = Make("CartPole-v1");
        var error = Refused(() => Reset(env, 0, options));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
    }

    [Fact]
    public void Pendulum_reset_options_set_the_initial_half_widths()
    {
        using var env = Make("Pendulum-v1");
        Assert.Equal([1f, 0f, 0f], Reset(env, 0, """{"x_init": 0, "y_init": 0}"""));
        var error = Refused(() => Reset(env, 0, """{"x_init": -1}"""));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
    }

    [Theory]
    [InlineData("Pendulum-v1", float.NaN)]
    [InlineData("Pendulum-v1", float.PositiveInfinity)]
    [InlineData("MountainCarContinuous-v0", float.NaN)]
    [InlineData("MountainCarContinuous-v0", float.NegativeInfinity)]
    public void Non_finite_continuous_action_is_invalid_action(string id, float action)
    {
        using var env = Make(id);
        Reset(env, 0);
        var error = Refused(() => Step(env, Action(env, action)));
        Assert.Equal(EnvErrorCodes.InvalidAction, error.Code);
    }

    [Theory]
    [InlineData("Pendulum-v1", 2.0, 7.5, true)]
    [InlineData("MountainCarContinuous-v0", 1.0, 5.0, false)]
    public void Out_of_range_continuous_action_is_clipped(string id, double bound, double beyond, bool rewardUsesClippedAction)
    {
        using var atBound = Make(id);
        using var outside = Make(id);
        Reset(atBound, 9);
        Reset(outside, 9);
        var clipped = Step(atBound, Action(atBound, bound));
        var unclipped = Step(outside, Action(outside, beyond));
        Assert.Equal(clipped.Observation, unclipped.Observation);
        // Pendulum's cost takes the clipped torque; MountainCarContinuous's takes the action as given.
        Assert.Equal(rewardUsesClippedAction, clipped.Result.Reward == unclipped.Result.Reward);
    }

    [Fact]
    public void Acrobot_refuses_to_wrap_an_absurd_angle_instead_of_looping_for_ever()
    {
        using var env = Make("Acrobot-v1");
        Reset(env, 0, """{"low": 1e30, "high": 1e30}""");
        var error = Refused(() => Step(env, Action(env, 0)));
        Assert.Equal(EnvErrorCodes.EnvError, error.Code);
    }
}
