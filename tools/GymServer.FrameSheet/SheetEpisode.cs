using System.Text.Json;

namespace GymServer.FrameSheet;

/// <summary>
/// How the sheet shows an env: reset with a seed, then a few fixed actions (JSON values of the action space), so
/// each frame shows something of interest, such as Pendulum's torque arrow or a walker that has moved.
/// </summary>
internal sealed record SheetEpisode(int Seed, string[] Actions)
{
    private static readonly Dictionary<string, SheetEpisode> ById = new(StringComparer.Ordinal)
    {
        ["CartPole-v0"] = new(0, Repeat("[1, 0]", 5)),
        ["CartPole-v1"] = new(1, Repeat("[0, 1]", 6)),
        ["MountainCar-v0"] = new(0, Repeat("[2]", 20)),
        ["MountainCarContinuous-v0"] = new(0, Repeat("[[-1.0]]", 25)),
        ["Pendulum-v1"] = new(0, Repeat("[[1.5]]", 12)),
        ["Acrobot-v1"] = new(0, Repeat("[2, 2, 0, 0]", 4)),
        ["FrozenLake-v1"] = new(0, Repeat("[2]", 2)),
        ["FrozenLake8x8-v1"] = new(0, Repeat("[2, 1]", 3)),
        ["Taxi-v4"] = new(0, Repeat("[1, 3]", 1)),
        ["CliffWalking-v1"] = new(0, Repeat("[0, 1, 1, 1]", 1)),
        ["CliffWalkingSlippery-v1"] = new(3, Repeat("[0, 1]", 3)),
        ["Blackjack-v1"] = new(31, []), // a usable ace
    };

    /// <summary>The episode for an id; an id the table does not know is shown right after a seed-0 reset.</summary>
    public static SheetEpisode For(string id) => ById.GetValueOrDefault(id, new SheetEpisode(0, []));

    private static string[] Repeat(string jsonArray, int times)
    {
        var once = JsonDocument.Parse(jsonArray).RootElement.EnumerateArray().Select(a => a.GetRawText()).ToArray();
        return Enumerable.Repeat(once, times).SelectMany(actions => actions).ToArray();
    }
}
