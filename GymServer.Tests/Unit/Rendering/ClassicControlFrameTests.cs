using GymServer.Engine.Rendering;

namespace GymServer.Tests.Unit.Rendering;

/// <summary>Classic-control frames beyond the reference PNGs: sizes, repeatability, Pendulum's arrow, the flag.</summary>
public sealed class ClassicControlFrameTests
{
    [Theory]
    [InlineData("CartPole-v0", 400, 600)]
    [InlineData("CartPole-v1", 400, 600)]
    [InlineData("MountainCar-v0", 400, 600)]
    [InlineData("MountainCarContinuous-v0", 400, 600)]
    [InlineData("Pendulum-v1", 500, 500)]
    [InlineData("Acrobot-v1", 500, 500)]
    public void Frame_size_is_gymnasiums_screen_size(string id, int height, int width)
    {
        using var env = FrameKit.Make(id);
        Assert.Equal(new FrameShape(height, width), ((IRenderable)env).FrameShape);
    }

    [Theory]
    [InlineData("CartPole-v1", "0")]
    [InlineData("MountainCarContinuous-v0", "[0.5]")]
    [InlineData("Pendulum-v1", "[-1.0]")]
    [InlineData("Acrobot-v1", "2")]
    public void A_step_changes_the_frame_and_the_same_state_draws_the_same_frame(string id, string action)
    {
        using var env = FrameKit.Make(id);
        using var twin = FrameKit.Make(id);
        FrameKit.Reset(env, 5);
        FrameKit.Reset(twin, 5);
        var first = FrameKit.Render(env);
        for (var i = 0; i < 5; i++)
        {
            FrameKit.Step(env, action);
            FrameKit.Step(twin, action);
        }
        var later = FrameKit.Render(env);
        Assert.NotNull(FrameKit.ChangedArea(first, later));
        Assert.Equal(later.Pixels, FrameKit.Render(twin).Pixels);
    }

    [Fact]
    public void Pendulum_draws_the_torque_arrow_after_a_step_turning_with_the_torque()
    {
        using var env = FrameKit.Make("Pendulum-v1");
        FrameKit.Reset(env, 0);
        // After a reset there is no arrow (Gymnasium's last_u is None): nothing black but the axle.
        Assert.Equal(0, CountBlack(FrameKit.Render(env), top: true, left: true) + CountBlack(FrameKit.Render(env), top: true, left: false));

        // A negative torque shows the image as drawn: a ring open at the top left, where only the arrowhead is.
        FrameKit.Step(env, "[-2.0]");
        var clockwise = FrameKit.Render(env);
        Assert.True(CountBlack(clockwise, top: true, left: false) > 2 * CountBlack(clockwise, top: true, left: true));

        // A positive one mirrors it: open at the top right.
        FrameKit.Reset(env, 0);
        FrameKit.Step(env, "[2.0]");
        var anticlockwise = FrameKit.Render(env);
        Assert.True(CountBlack(anticlockwise, top: true, left: true) > 2 * CountBlack(anticlockwise, top: true, left: false));
    }

    /// <summary>
    /// Black pixels in one upper quarter of the 113-pixel square the arrow fills for |u| = 2 (centred on the axle
    /// at (250, 250)), leaving out the axle itself.
    /// </summary>
    private static int CountBlack(Infrastructure.RgbImage frame, bool top, bool left)
    {
        var count = 0;
        var (rows, columns) = (top ? (193, 250) : (250, 307), left ? (193, 250) : (250, 307));
        for (var row = rows.Item1; row < rows.Item2; row++)
        {
            for (var column = columns.Item1; column < columns.Item2; column++)
            {
                var i = ((row * 500) + column) * 3;
                var nearAxle = ((row - 250) * (row - 250)) + ((column - 250) * (column - 250)) < 64;
                if (!nearAxle && frame.Pixels[i] < 80 && frame.Pixels[i + 1] < 80 && frame.Pixels[i + 2] < 80)
                {
                    count++;
                }
            }
        }
        return count;
    }

    [Fact]
    public void MountainCarContinuous_flag_stands_at_its_own_goal()
    {
        using var discrete = FrameKit.Make("MountainCar-v0");
        using var continuous = FrameKit.Make("MountainCarContinuous-v0");
        FrameKit.Reset(discrete, 0);
        FrameKit.Reset(continuous, 0);
        // Same seed, same start: only the flag differs (goal 0.5 against 0.45: x = 566 against 550).
        var (left, _, right, _) = FrameKit.ChangedArea(FrameKit.Render(discrete), FrameKit.Render(continuous))
            ?? throw new Xunit.Sdk.XunitException("same frame");
        Assert.InRange(left, 545, 560);
        Assert.InRange(right, 566, 595);
    }
}
