using GymServer.Engine.Environments;
using GymServer.Engine.Rendering;
using GymServer.Protocol;
using GymServer.Tests.Unit.Environments;

namespace GymServer.Tests.Unit.Rendering;

/// <summary>render_mode as <c>gymnasium.make</c> takes it, render's errors, and each env's render_fps.</summary>
public sealed class RenderModeTests
{
    public static TheoryData<string> AllIds() => new(FrameKit.Registry.Ids);

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Rgb_array_keyword_makes_a_rendering_env(string id)
    {
        using var env = ToyTextKit.Make(id, """{"render_mode": "rgb_array"}""");
        Assert.Equal(RenderMode.RgbArray, Assert.IsAssignableFrom<IRenderable>(env).RenderMode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"render_mode": null}""")]
    public void No_render_mode_renders_nothing_and_says_how_to_enable_it(string kwargs)
    {
        using var env = ToyTextKit.Make("CartPole-v1", kwargs);
        var renderable = Assert.IsAssignableFrom<IRenderable>(env);
        Assert.Equal(RenderMode.None, renderable.RenderMode);
        ToyTextKit.Reset(env, 0);
        var error = Assert.Throws<EnvException>(() => renderable.Render(new byte[renderable.FrameShape.ByteSize]));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("render_mode 'rgb_array'", error.Message);
    }

    [Fact]
    public void Human_is_refused_because_a_server_has_no_screen()
    {
        var error = ToyTextKit.MakeFails("CartPole-v1", """{"render_mode": "human"}""");
        Assert.Contains("'human'", error.Message);
        Assert.Contains("no screen", error.Message);
        Assert.Contains("rgb_array", error.Message);
    }

    [Theory]
    [InlineData("""{"render_mode": "ansi"}""", "'ansi'")]
    [InlineData("""{"render_mode": "rgb"}""", "'rgb'")]
    [InlineData("""{"render_mode": "RGB_ARRAY"}""", "'RGB_ARRAY'")]
    [InlineData("""{"render_mode": 1}""", "must be a string")]
    public void Other_render_modes_are_refused(string kwargs, string named)
    {
        var error = ToyTextKit.MakeFails("FrozenLake-v1", kwargs);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Render_mode_as_argument_works_like_the_keyword_and_may_not_contradict_it()
    {
        using var byArgument = FrameKit.Registry.Make("Taxi-v3", renderMode: "rgb_array");
        Assert.Equal(RenderMode.RgbArray, ((IRenderable)byArgument).RenderMode);
        using var both = FrameKit.Registry.Make("Taxi-v3", ToyTextKit.Kwargs("""{"render_mode": "rgb_array"}"""), "rgb_array");
        Assert.Equal(RenderMode.RgbArray, ((IRenderable)both).RenderMode);

        var error = Assert.Throws<EnvException>(() =>
            FrameKit.Registry.Make("Taxi-v3", ToyTextKit.Kwargs("""{"render_mode": "rgb_array"}"""), "human"));
        Assert.Equal(EnvErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("given twice", error.Message);
        Assert.Throws<EnvException>(() => FrameKit.Registry.Make("Taxi-v3", renderMode: "human"));
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Render_before_reset_is_reset_needed(string id)
    {
        using var env = FrameKit.Make(id);
        var renderable = (IRenderable)env;
        var error = Assert.Throws<EnvException>(() => renderable.Render(new byte[renderable.FrameShape.ByteSize]));
        Assert.Equal(EnvErrorCodes.ResetNeeded, error.Code);
    }

    [Fact]
    public void A_buffer_of_the_wrong_size_is_refused()
    {
        using var env = FrameKit.Make("Acrobot-v1");
        FrameKit.Reset(env, 0);
        var renderable = (IRenderable)env;
        var error = Assert.Throws<ArgumentException>(() => renderable.Render(new byte[renderable.FrameShape.ByteSize - 1]));
        Assert.Contains("(500, 500, 3)", error.Message);
    }

    /// <summary>Gymnasium 1.2.2's <c>metadata["render_fps"]</c> of each env.</summary>
    [Theory]
    [InlineData("CartPole-v0", 50)]
    [InlineData("CartPole-v1", 50)]
    [InlineData("MountainCar-v0", 30)]
    [InlineData("MountainCarContinuous-v0", 30)]
    [InlineData("Pendulum-v1", 30)]
    [InlineData("Acrobot-v1", 15)]
    [InlineData("FrozenLake-v1", 4)]
    [InlineData("FrozenLake8x8-v1", 4)]
    [InlineData("Taxi-v3", 4)]
    [InlineData("CliffWalking-v1", 4)]
    [InlineData("CliffWalkingSlippery-v1", 4)]
    [InlineData("Blackjack-v1", 4)]
    public void Render_fps_is_gymnasiums(string id, int fps)
    {
        Assert.True(FrameKit.Registry.TryGet(id, out var registration));
        Assert.Equal(fps, registration.Spec.RenderFps);
        using var env = FrameKit.Make(id);
        Assert.Equal(fps, env.Spec.RenderFps);
    }
}
