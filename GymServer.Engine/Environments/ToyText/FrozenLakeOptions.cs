using System.Text.Json;
using GymServer.Engine.Random;

namespace GymServer.Engine.Environments.ToyText;

/// <summary>
/// The keyword arguments of Gymnasium 1.4.0's <c>FrozenLakeEnv</c> (unchanged since 1.2): <c>desc</c>,
/// <c>map_name</c>, <c>is_slippery</c>, <c>success_rate</c> and <c>reward_schedule</c> (goal, hole, frozen). The flags say which numbers were JSON
/// integers, because Gymnasium hands back the Python int or float it was given.
/// </summary>
public sealed record FrozenLakeOptions(
    FrozenLakeMap Map,
    bool IsSlippery = true,
    double SuccessRate = 1.0 / 3.0,
    bool SuccessRateIsInteger = false,
    double GoalReward = 1,
    double HoleReward = 0,
    double FrozenReward = 0,
    bool RewardsAreIntegers = true)
{
    /// <summary>
    /// Reads the kwargs as <c>FrozenLakeEnv.__init__</c> does: desc wins over map_name; both null draws a random 8x8
    /// board from OS entropy, as Gymnasium's <c>generate_random_map()</c> with no seed does.
    /// </summary>
    public static FrozenLakeOptions FromKwargs(EnvKwargs kwargs, string defaultMapName)
    {
        var desc = ReadDesc(kwargs);
        kwargs.TryGet("map_name", out _);
        var mapNameIsNull = kwargs.Values.TryGetValue("map_name", out var rawName) && rawName.ValueKind == JsonValueKind.Null;
        var mapName = mapNameIsNull ? null : kwargs.GetString("map_name", defaultMapName);
        var map = desc is not null ? FrozenLakeMap.Parse(desc)
            : mapName is not null ? FrozenLakeMap.FromName(mapName)
            : FrozenLakeMap.GenerateRandom(NumpyGenerator.FromSeed(null));

        var isSlippery = kwargs.GetBool("is_slippery", true);
        var successRate = kwargs.GetDouble("success_rate", 1.0 / 3.0);
        if (successRate is < 0 or > 1)
        {
            throw EnvKwargs.Invalid("success_rate", "a probability between 0 and 1");
        }
        var successRateIsInteger = kwargs.TryGet("success_rate", out var rate) && rate.TryGetInt64(out _);

        var options = new FrozenLakeOptions(map, isSlippery, successRate, successRateIsInteger);
        if (kwargs.TryGet("reward_schedule", out var schedule))
        {
            options = WithRewardSchedule(options, schedule);
        }
        return options;
    }

    private static string[]? ReadDesc(EnvKwargs kwargs)
    {
        if (!kwargs.TryGet("desc", out var desc))
        {
            return null;
        }
        if (desc.ValueKind != JsonValueKind.Array || desc.EnumerateArray().Any(row => row.ValueKind != JsonValueKind.String))
        {
            throw EnvKwargs.Invalid("desc", "a list of strings such as [\"SFFF\", \"FHFH\", \"FFFH\", \"HFFG\"]");
        }
        return desc.EnumerateArray().Select(row => row.GetString()!).ToArray();
    }

    private static FrozenLakeOptions WithRewardSchedule(FrozenLakeOptions options, JsonElement schedule)
    {
        var expected = "a list of three finite numbers: the rewards for reaching the goal, a hole and a frozen tile";
        if (schedule.ValueKind != JsonValueKind.Array || schedule.GetArrayLength() != 3)
        {
            throw EnvKwargs.Invalid("reward_schedule", expected);
        }
        var rewards = new double[3];
        var allIntegers = true;
        for (var i = 0; i < 3; i++)
        {
            var item = schedule[i];
            if (item.ValueKind != JsonValueKind.Number || !double.IsFinite(item.GetDouble()))
            {
                throw EnvKwargs.Invalid("reward_schedule", expected);
            }
            rewards[i] = item.GetDouble();
            allIntegers &= item.TryGetInt64(out _);
        }
        return options with
        {
            GoalReward = rewards[0],
            HoleReward = rewards[1],
            FrozenReward = rewards[2],
            RewardsAreIntegers = allIntegers,
        };
    }
}
