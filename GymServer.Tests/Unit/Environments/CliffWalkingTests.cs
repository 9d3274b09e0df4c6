using GymServer.Engine.Environments;
using GymServer.Engine.Environments.ToyText;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Environments;

/// <summary>CliffWalking's rules and its is_slippery option.</summary>
public sealed class CliffWalkingTests
{
    [Fact]
    public void The_cliff_sends_the_walker_back_without_ending_the_episode()
    {
        using var env = ToyTextKit.Make("CliffWalking-v1");
        Assert.Equal("36", ToyTextKit.Reset(env, 0));
        var (observation, result) = ToyTextKit.Step(env, 1);
        Assert.Equal("36", observation);
        Assert.Equal(new StepResult(-100, false, false), result);
    }

    [Fact]
    public void The_path_along_the_edge_reaches_the_goal()
    {
        using var env = ToyTextKit.Make("CliffWalking-v1");
        ToyTextKit.Reset(env, 0);
        Assert.Equal("24", ToyTextKit.Step(env, 0).Observation);
        for (var column = 1; column < 12; column++)
        {
            Assert.False(ToyTextKit.Step(env, 1).Result.Terminated);
        }
        var info = new EnvInfo();
        var (observation, result) = ToyTextKit.Step(env, 2, info);
        Assert.Equal("47", observation);
        Assert.Equal(new StepResult(-1, true, false), result);
        Assert.True(info.TryGet("prob", out var prob));
        Assert.Equal((InfoKind.Float, 1.0), (prob.Kind, prob.Float));
    }

    [Fact]
    public void Slippery_is_an_option_and_a_registration()
    {
        using var option = (CliffWalking)ToyTextKit.Make("CliffWalking-v1", """{"is_slippery": true}""");
        using var registered = (CliffWalking)ToyTextKit.Make("CliffWalkingSlippery-v1");
        using var overridden = (CliffWalking)ToyTextKit.Make("CliffWalkingSlippery-v1", """{"is_slippery": false}""");
        Assert.True(option.IsSlippery);
        Assert.True(registered.IsSlippery);
        Assert.False(overridden.IsSlippery);
        var info = new EnvInfo();
        ToyTextKit.Reset(option, 0);
        ToyTextKit.Step(option, 0, info);
        Assert.True(info.TryGet("prob", out var prob));
        Assert.Equal(1.0 / 3, prob.Float);
    }
}
