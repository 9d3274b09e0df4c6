using GymServer.Engine.Environments;
using GymServer.Engine.Environments.ToyText;
using GymServer.Engine.Spaces;
using GymServer.Protocol.Values;

namespace GymServer.Tests.Unit.Environments;

/// <summary>FrozenLake's kwargs: desc, map_name, is_slippery, success_rate, reward_schedule, and bad ones.</summary>
public sealed class FrozenLakeTests
{
    [Fact]
    public void Map_name_picks_the_board_and_the_observation_space()
    {
        using var small = ToyTextKit.Make("FrozenLake8x8-v1", """{"map_name": "4x4"}""");
        using var large = ToyTextKit.Make("FrozenLake-v1", """{"map_name": "8x8"}""");
        Assert.Equal(16, ((Discrete)small.ObservationSpace).N);
        Assert.Equal(64, ((Discrete)large.ObservationSpace).N);
        Assert.Equal(FrozenLakeMap.Named["8x8"], ((FrozenLake)large).Map.RowsText);
    }

    [Fact]
    public void Custom_desc_wins_over_map_name()
    {
        using var env = ToyTextKit.Make("FrozenLake-v1", """{"desc": ["SFG", "HFF"], "map_name": "8x8", "is_slippery": false}""");
        Assert.Equal(6, ((Discrete)env.ObservationSpace).N);
        Assert.Equal("0", ToyTextKit.Reset(env, 0));
        Assert.Equal("1", ToyTextKit.Step(env, 2).Observation);
        var info = new EnvInfo();
        var (observation, result) = ToyTextKit.Step(env, 2, info);
        Assert.Equal("2", observation);
        Assert.Equal(new StepResult(1, true, false), result);
        Assert.True(info.TryGet("prob", out var prob));
        Assert.Equal((InfoKind.Float, 1.0), (prob.Kind, prob.Float));
    }

    [Fact]
    public void Not_slippery_moves_exactly_as_told()
    {
        using var env = ToyTextKit.Make("FrozenLake-v1", """{"is_slippery": false}""");
        ToyTextKit.Reset(env, 11);
        // Down, down, right, right, down, right: the safe path of the 4x4 map.
        var path = new[] { (1, "4"), (1, "8"), (2, "9"), (2, "10"), (1, "14"), (2, "15") };
        foreach (var (action, expected) in path)
        {
            Assert.Equal(expected, ToyTextKit.Step(env, action).Observation);
        }
    }

    [Fact]
    public void Several_start_tiles_share_the_start_probability()
    {
        using var env = ToyTextKit.Make("FrozenLake-v1", """{"desc": ["SFS", "FFG"]}""");
        var starts = Enumerable.Range(0, 40).Select(seed => ToyTextKit.Reset(env, seed)).ToHashSet();
        Assert.Equal(new HashSet<string> { "0", "2" }, starts);
    }

    [Fact]
    public void Null_map_name_and_desc_draw_a_random_8x8_board_with_a_path()
    {
        using var env = ToyTextKit.Make("FrozenLake-v1", """{"map_name": null}""");
        var map = ((FrozenLake)env).Map;
        Assert.Equal((8, 8), (map.Rows, map.Columns));
        Assert.Equal('S', map[0, 0]);
        Assert.Equal('G', map[7, 7]);
        Assert.True(FrozenLakeMap.GoalReachable(map.RowsText));
    }

    [Fact]
    public void Reward_schedule_and_success_rate_shape_the_table()
    {
        using var env = ToyTextKit.Make("FrozenLake-v1", """{"desc": ["SH"], "success_rate": 1, "reward_schedule": [10, -5, -1]}""");
        ToyTextKit.Reset(env, 0);
        var info = new EnvInfo();
        var (observation, result) = ToyTextKit.Step(env, 2, info);
        Assert.Equal("1", observation);
        Assert.Equal(new StepResult(-5, true, false), result);
        Assert.True(env.Spec.IntegerRewards);
        Assert.True(info.TryGet("prob", out var prob));
        Assert.Equal((InfoKind.Integer, 1L), (prob.Kind, prob.Integer));
    }

    [Fact]
    public void Float_reward_schedule_makes_rewards_floats()
    {
        using var env = ToyTextKit.Make("FrozenLake-v1", """{"reward_schedule": [1.0, 0, 0]}""");
        Assert.False(env.Spec.IntegerRewards);
        using var plain = ToyTextKit.Make("FrozenLake-v1");
        Assert.True(plain.Spec.IntegerRewards);
    }

    [Theory]
    [InlineData("""{"desc": []}""", "at least one row")]
    [InlineData("""{"desc": [""]}""", "at least one row")]
    [InlineData("""{"desc": ["SFFF", "FHF"]}""", "same length")]
    [InlineData("""{"desc": ["SFFF", "FXFG"]}""", "'X' at column 1")]
    [InlineData("""{"desc": ["FFFF", "FHFG"]}""", "no start tile")]
    [InlineData("""{"desc": "SFFFG"}""", "list of strings")]
    [InlineData("""{"desc": [["S", "F"], ["F", "G"]]}""", "list of strings")]
    [InlineData("""{"map_name": "5x5"}""", "known maps are 4x4, 8x8")]
    [InlineData("""{"map_name": 4}""", "must be a string")]
    [InlineData("""{"is_slippery": "yes"}""", "true or false")]
    [InlineData("""{"success_rate": 1.5}""", "between 0 and 1")]
    [InlineData("""{"reward_schedule": [1, 0]}""", "three finite numbers")]
    [InlineData("""{"reward_schedule": [1, "0", 0]}""", "three finite numbers")]
    public void Bad_kwargs_are_refused_with_a_clear_error(string kwargs, string expected)
    {
        var error = ToyTextKit.MakeFails("FrozenLake-v1", kwargs);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Oversized_desc_is_refused()
    {
        var rows = Enumerable.Repeat(new string('F', 300), 300).Select((row, i) => i == 0 ? "S" + row[1..] : row);
        var error = Assert.Throws<EnvException>(() => FrozenLakeMap.Parse(rows.ToList()));
        Assert.Contains("at most", error.Message);
    }
}
