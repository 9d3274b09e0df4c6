using GymServer.Engine.Rendering;

namespace GymServer.Tests.Unit.Rendering;

/// <summary>
/// The toy-text frames: Gymnasium's sizes, the same frame for the same state, and a change exactly where the state
/// changed (the walker's old and new cells, the taxi's, the Blackjack table's text).
/// </summary>
public sealed class ToyTextFrameTests
{
    public static TheoryData<string> Ids() =>
        new("FrozenLake-v1", "FrozenLake8x8-v1", "Taxi-v3", "CliffWalking-v1", "CliffWalkingSlippery-v1", "Blackjack-v1");

    [Theory]
    [InlineData("FrozenLake-v1", "{}", 256, 256)]
    [InlineData("FrozenLake8x8-v1", "{}", 512, 512)]
    [InlineData("FrozenLake-v1", """{"desc": ["SFFFFFFFFF", "FFFFFFFFFG"]}""", 128, 512)]
    [InlineData("Taxi-v3", "{}", 350, 550)]
    [InlineData("CliffWalking-v1", "{}", 240, 720)]
    [InlineData("Blackjack-v1", "{}", 500, 600)]
    public void Frame_size_is_gymnasiums_window_size(string id, string kwargs, int height, int width)
    {
        using var env = FrameKit.Make(id, kwargs);
        FrameKit.Reset(env, 0);
        Assert.Equal(new FrameShape(height, width), ((IRenderable)env).FrameShape);
        Assert.Equal(height * width * 3, FrameKit.Render(env).Pixels.Length);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Same_seed_and_actions_give_the_same_frame(string id)
    {
        using var first = FrameKit.Make(id);
        using var second = FrameKit.Make(id);
        FrameKit.Reset(first, 11);
        FrameKit.Reset(second, 11);
        FrameKit.Step(first, "1");
        FrameKit.Step(second, "1");
        var frame = FrameKit.Render(first);
        Assert.Equal(frame.Pixels, FrameKit.Render(second).Pixels);
        Assert.Equal(frame.Pixels, FrameKit.Render(first).Pixels);
    }

    [Fact]
    public void FrozenLake_step_changes_only_the_two_cells_involved()
    {
        using var env = FrameKit.Make("FrozenLake-v1", """{"is_slippery": false}""");
        FrameKit.Reset(env, 0);
        var before = FrameKit.Render(env);
        FrameKit.Step(env, "2");
        var after = FrameKit.Render(env);
        // From cell (0, 0) to (0, 1): 64-pixel cells, so within columns 0 to 127 of the first row of cells.
        var (left, top, right, bottom) = Area(FrameKit.ChangedArea(before, after));
        Assert.InRange(left, 0, 63);
        Assert.InRange(right, 64, 127);
        Assert.InRange(top, 0, 63);
        Assert.InRange(bottom, 0, 63);
    }

    [Fact]
    public void FrozenLake_walker_turns_to_face_its_move()
    {
        using var env = FrameKit.Make("FrozenLake-v1", """{"is_slippery": false}""");
        FrameKit.Reset(env, 0);
        var facingDown = FrameKit.Render(env);
        FrameKit.Step(env, "0"); // left into the wall: the walker stays in (0, 0) but now faces left
        var facingLeft = FrameKit.Render(env);
        var (left, top, right, bottom) = Area(FrameKit.ChangedArea(facingDown, facingLeft));
        Assert.True(right < 64 && bottom < 64, $"changed ({left}, {top})-({right}, {bottom}) outside cell (0, 0)");
    }

    [Fact]
    public void FrozenLake_fall_into_a_hole_shows_broken_ice()
    {
        using var env = FrameKit.Make("FrozenLake-v1", """{"is_slippery": false}""");
        FrameKit.Reset(env, 0);
        FrameKit.Step(env, "1");
        var beside = FrameKit.Render(env);
        var result = FrameKit.Step(env, "2"); // (1, 0) to the hole at (1, 1)
        Assert.True(result.Terminated);
        var (left, top, right, bottom) = Area(FrameKit.ChangedArea(beside, FrameKit.Render(env)));
        Assert.True(left >= 0 && right < 128 && top >= 64 && bottom < 128, $"({left}, {top})-({right}, {bottom})");
    }

    [Fact]
    public void CliffWalking_walker_stands_a_tenth_of_a_cell_above_its_cell()
    {
        using var env = FrameKit.Make("CliffWalking-v1");
        FrameKit.Reset(env, 0);
        var atStart = FrameKit.Render(env);
        FrameKit.Step(env, "0"); // up from (3, 0) to (2, 0)
        var (left, top, right, bottom) = Area(FrameKit.ChangedArea(atStart, FrameKit.Render(env)));
        // Cells are 60 pixels; the walker of row 2 reaches 6 pixels into row 1, the one of row 3 into row 2.
        Assert.Equal(0, Math.Min(left, 0));
        Assert.True(right < 60, $"right {right}");
        Assert.InRange(top, 114, 125);
        Assert.InRange(bottom, 170, 239);
    }

    [Fact]
    public void Taxi_keeps_its_orientation_through_pickup_and_reset()
    {
        using var env = FrameKit.Make("Taxi-v3");
        FrameKit.Reset(env, 0);
        var southFacing = FrameKit.Render(env);
        FrameKit.Step(env, "2"); // east (or into a wall, which still turns the cab)
        var eastFacing = FrameKit.Render(env);
        Assert.NotEqual(southFacing.Pixels, eastFacing.Pixels);
        FrameKit.Step(env, "5"); // dropoff with nobody aboard: nothing moves, the cab keeps facing east
        Assert.Equal(eastFacing.Pixels, FrameKit.Render(env).Pixels);
        FrameKit.Reset(env, 0);
        var afterReset = FrameKit.Render(env);
        // Same state as the first frame, but Gymnasium's taxi_orientation survives reset: the cab still faces east.
        Assert.NotEqual(southFacing.Pixels, afterReset.Pixels);
    }

    [Fact]
    public void Blackjack_frame_follows_the_players_sum()
    {
        using var env = FrameKit.Make("Blackjack-v1");
        FrameKit.Reset(env, 0);
        var dealt = FrameKit.Render(env);
        FrameKit.Step(env, "1"); // hit: the sum changes, the dealer's cards do not
        var (_, top, _, bottom) = Area(FrameKit.ChangedArea(dealt, FrameKit.Render(env)));
        // The cards end at y = 83 + 166; only the text below them may change.
        Assert.True(top > 83 + 166, $"changed from row {top}");
        Assert.True(bottom < 500);
    }

    private static (int Left, int Top, int Right, int Bottom) Area((int, int, int, int)? area) =>
        area ?? throw new Xunit.Sdk.XunitException("the frame did not change");
}
